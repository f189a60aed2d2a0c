using System.Net;
using System.Text.Json;

namespace SnapMagic.Api.Tests.OpenApi;

/// <summary>/openapi/v1.json as the Api serves it, and the copy committed beside the generated client.</summary>
internal static class ServedDocument
{
    public const string Path = "/openapi/v1.json";

    /// <summary>The committed copy: what the TypeScript client is generated from and what Redocly lints.</summary>
    public static string CommittedPath => System.IO.Path.Combine(SnapMagic.TestSupport.RepositoryRoot.Path, "tests", "openapi", "v1.json");

    public static async Task<string> GetTextAsync(ApiFactory factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonElement> GetAsync(ApiFactory factory) =>
        JsonDocument.Parse(await GetTextAsync(factory)).RootElement.Clone();
}
