namespace SnapMagic.TestSupport.LocalAws;

/// <summary>The checkout's top folder: the nearest folder at or above a start folder that holds SnapMagic.sln.</summary>
public static class RepositoryRoot
{
    public static string Find(string? startDirectory = null)
    {
        for (var directory = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SnapMagic.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No SnapMagic.sln at or above {startDirectory ?? AppContext.BaseDirectory}.");
    }
}
