namespace SnapMagic.Api.Tests.OpenApi;

/// <summary>A test that needs an npm package in the repository's node_modules; skipped, saying which, when it is missing.</summary>
public sealed class NodePackageFactAttribute : FactAttribute
{
    public NodePackageFactAttribute(params string[] packages)
    {
        var missing = packages.Where(package => !NodeTool.HasPackage(package)).ToList();
        if (missing.Count > 0)
            Skip = $"npm package(s) {string.Join(", ", missing)} not in node_modules: run npm ci (they are in package.json).";
    }
}
