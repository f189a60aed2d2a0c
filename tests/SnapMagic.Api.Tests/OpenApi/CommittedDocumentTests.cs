namespace SnapMagic.Api.Tests.OpenApi;

/// <summary>
/// tests/openapi/v1.json is the document the Api serves, so the TypeScript client generated from it and the Redocly
/// lint of it tell about the Api as it is. After changing an endpoint, refresh it and the client with
/// <c>bash tests/openapi/refresh.sh</c> (which runs this test with <c>SNAPMAGIC_UPDATE_OPENAPI=1</c>).
/// </summary>
public sealed class CommittedDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_committed_document_is_the_served_one()
    {
        var served = (await ServedDocument.GetTextAsync(factory)).ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("SNAPMAGIC_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(ServedDocument.CommittedPath, served);

        var committed = File.Exists(ServedDocument.CommittedPath) ? await File.ReadAllTextAsync(ServedDocument.CommittedPath) : "";
        Assert.True(committed == served,
            "tests/openapi/v1.json differs from the document the Api serves; refresh it (see this class's summary) and regenerate the client.");
    }
}
