namespace Alg.Runtime.Pipeline.Ir;

/// <summary>When an interface's ACLs are consulted: a property of the device the configuration was written for,
/// decided at lowering, so the data plane never asks which vendor it imitates.</summary>
public enum AclMode : byte
{
    /// <summary>Only the packet that opens a connection (ASA, ScreenOS, Junos, IOS with inspection): replies and later
    /// packets of an admitted connection pass.</summary>
    PerNewConnection,

    /// <summary>Every packet, both directions (IOS access lists without inspection are stateless).</summary>
    PerPacket,
}
