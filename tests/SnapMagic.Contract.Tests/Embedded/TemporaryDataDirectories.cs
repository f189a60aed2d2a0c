namespace SnapMagic.Contract.Tests.Embedded;

/// <summary>Fresh data folders for one test, and the stores built on them; all removed when the test ends.</summary>
internal sealed class TemporaryDataDirectories : IDisposable
{
    private readonly List<string> _directories = [];
    private readonly List<IDisposable> _owned = [];

    public string New()
    {
        var directory = Path.Combine(Path.GetTempPath(), "snapmagic-contract", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        _directories.Add(directory);
        return directory;
    }

    public T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        foreach (var directory in _directories)
            Directory.Delete(directory, recursive: true);
    }
}
