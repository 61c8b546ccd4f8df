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
}
