namespace SnapMagic.Embedded;

public sealed class EmbeddedOptions
{
    public const string Section = "Embedded";

    /// <summary>Folder shared by Api and Worker processes: the SQLite files and the images.</summary>
    public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "snapmagic");
}
