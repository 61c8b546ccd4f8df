using System.Globalization;

namespace Alg.Host.Control;

/// <summary>
/// Who may use the control socket: root, the user the gateway runs as, and members of the <c>alg</c> group (the group
/// README names). A console can change the running configuration, so the check is the kernel's word (SO_PEERCRED),
/// on top of the socket file's mode.
/// </summary>
public sealed class ControlAccess
{
    public const string GroupName = "alg";

    public ControlAccess(uint ownUserId, uint? groupId)
        : this(ownUserId, groupId, admitsRoot: true)
    {
    }

    /// <param name="admitsRoot">For tests, which run as root: false shows a stranger refused.</param>
    internal ControlAccess(uint ownUserId, uint? groupId, bool admitsRoot)
    {
        OwnUserId = ownUserId;
        GroupId = groupId;
        _admitsRoot = admitsRoot;
    }

    private readonly bool _admitsRoot;

    public uint OwnUserId { get; }

    /// <summary>The <c>alg</c> group's id, or null when the machine has no such group.</summary>
    public uint? GroupId { get; }

    /// <summary>Root, the gateway's own user, and the <c>alg</c> group as found on this machine.</summary>
    public static ControlAccess ForThisMachine() => new(EffectiveUserId(), FindGroup(GroupName, "/etc/group"));

    /// <summary>Whether the peer may talk to the gateway; <paramref name="peerGroups"/> are its supplementary groups.</summary>
    public bool Allows(PeerCredentials? peer, IReadOnlyCollection<uint> peerGroups)
    {
        ArgumentNullException.ThrowIfNull(peerGroups);
        if (peer is null)
        {
            return false;
        }

        return (peer.UserId == 0 && _admitsRoot)
            || peer.UserId == OwnUserId
            || (GroupId is { } group && (peer.GroupId == group || peerGroups.Contains(group)));
    }

    /// <summary>A process's supplementary groups, from /proc (empty when it is gone).</summary>
    public static IReadOnlyCollection<uint> GroupsOf(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("Groups:", StringComparison.Ordinal))
                {
                    return [.. line["Groups:".Length..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                        .Select(g => uint.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : uint.MaxValue)];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return [];
    }

    /// <summary>A group's id from a group(5) file, or null.</summary>
    public static uint? FindGroup(string name, string groupFile)
    {
        try
        {
            foreach (var line in File.ReadLines(groupFile))
            {
                var fields = line.Split(':');
                if (fields.Length >= 3 && fields[0] == name && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return id;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static uint EffectiveUserId()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                // "Uid: real effective saved filesystem": the effective one decides what the process may do.
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    var fields = line[4..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    return uint.Parse(fields[Math.Min(1, fields.Length - 1)], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
