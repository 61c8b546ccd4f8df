namespace Alg.DeviceConsole.Dialects;

/// <summary>What an exec command does; the dialects spell them differently (<c>show xlate</c>, <c>get session</c>).</summary>
internal enum ExecAction
{
    ConfigureTerminal,
    ShowRunningConfig,
    ShowStartupConfig,
    ShowTranslations,
    ShowTranslationsVerbose,
    ShowNatStatistics,
    ShowXlate,
    ShowConnections,
    ShowServicePolicy,
    ShowAlgs,
    ShowCalls,
    ShowHistory,
    WriteMemory,
    Enable,
    Exit,
    TerminalSetting,

    /// <summary>Junos: the candidate configuration becomes the running one.</summary>
    Commit,

    /// <summary>Junos: the candidate is checked, not committed.</summary>
    CommitCheck,

    /// <summary>Junos: the candidate's uncommitted changes are dropped.</summary>
    Rollback,

    /// <summary>Junos configuration mode's <c>show</c>: the candidate configuration.</summary>
    ShowCandidate,
}
