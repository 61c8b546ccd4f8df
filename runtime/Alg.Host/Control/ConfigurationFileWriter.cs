using System.Text;

namespace Alg.Host.Control;

/// <summary>
/// <c>write memory</c>: replaces a configuration file so that a crash at any point leaves either the old file or the
/// new one, never half of one. The text goes to a temporary file beside it, is flushed to the disk, and is renamed over
/// the file (rename(2) replaces atomically within a file system); the previous file is kept as FILE.bak.
/// </summary>
public static class ConfigurationFileWriter
{
    public const string BackupSuffix = ".bak";

    /// <param name="beforeRename">For tests: runs when the new text is on the disk and the file not yet replaced, where a
    /// crash would leave the old file.</param>
    public static void Write(string path, string text, Action? beforeRename = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(full))
            {
                if (!OperatingSystem.IsWindows())
                {
                    // The file may be readable by its owner alone (it can name secrets); the new one keeps its mode.
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
                }

                File.Copy(full, full + BackupSuffix, overwrite: true);
            }

            beforeRename?.Invoke();
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
