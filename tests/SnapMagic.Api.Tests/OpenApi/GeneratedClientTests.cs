using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Storage;
using SnapMagic.TestSupport;

namespace SnapMagic.Api.Tests.OpenApi;

/// <summary>
/// The page's TypeScript types come from the document (C# record → /openapi/v1.json → openapi-typescript →
/// SnapMagic.Web/ClientApp/src/generated/api.ts), and a client generated from it works against the Api.
/// </summary>
public sealed class GeneratedClientTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public const string OpenApiTypeScript = "openapi-typescript";
    public const string OpenApiFetch = "openapi-fetch";

    private static string GeneratedTypesPath =>
        Path.Combine(RepositoryRoot.Path, "SnapMagic.Web", "ClientApp", "src", "generated", "api.ts");

    /// <summary>Regenerate with <c>bash tests/openapi/refresh.sh</c>.</summary>
    [NodePackageFact(OpenApiTypeScript)]
    public async Task The_committed_TypeScript_types_are_what_the_served_document_generates()
    {
        var folder = Directory.CreateTempSubdirectory("snapmagic-openapi-");
        try
        {
            var document = Path.Combine(folder.FullName, "v1.json");
            var generated = Path.Combine(folder.FullName, "api.ts");
            await File.WriteAllTextAsync(document, await ServedDocument.GetTextAsync(factory));

            var (exitCode, _, error) = await NodeTool.RunAsync("node_modules/openapi-typescript/bin/cli.js", document, "-o", generated);

            Assert.True(exitCode == 0, error);
            Assert.True(await File.ReadAllTextAsync(generated) == await File.ReadAllTextAsync(GeneratedTypesPath),
                "src/generated/api.ts is not what the served document generates: refresh tests/openapi/v1.json and regenerate it (see this test's summary).");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [NodePackageFact(OpenApiFetch)]
    public async Task A_client_generated_from_the_document_logs_in_makes_a_card_and_reads_it_back()
    {
        using var kestrel = new ApiFactory();
        var port = FreePort.Next();
        kestrel.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        kestrel.StartServer();
        const string prompt = "A lighthouse keeper made of brass, generated client";

        var (exitCode, output, error) = await NodeTool.RunAsync("tests/openapi/make-card.mts", $"http://127.0.0.1:{port}", "demo", "demo", prompt);

        Assert.True(exitCode == 0, error);
        var card = JsonDocument.Parse(output).RootElement;
        Assert.Equal(202, card.GetProperty("acceptedStatus").GetInt32());
        var correlationId = card.GetProperty("correlationId").GetString()!;
        Assert.Equal($"/api/cards/{correlationId}", card.GetProperty("location").GetString());
        Assert.Equal("queued", card.GetProperty("status").GetString());
        Assert.Equal(prompt, card.GetProperty("prompt").GetString());
        var stored = await kestrel.Services.GetRequiredService<IJobStore>().GetAsync(correlationId);
        Assert.Equal(prompt, stored?.Prompt);
    }
}
