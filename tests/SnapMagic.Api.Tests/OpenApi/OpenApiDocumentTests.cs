using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace SnapMagic.Api.Tests.OpenApi;

/// <summary>/openapi/v1.json tells the public contract as the Api actually serves it.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // Not the public HTTP contract: the worker's call, the health probes, the documentation itself, and the
    // SignalR hub, whose protocol the document's description points to rather than describes.
    private static readonly string[] NotPublic = ["/internal", "/health", "/alive", "/openapi", "/scalar", "/hubs"];

    [Fact]
    public async Task Every_public_endpoint_is_in_the_document()
    {
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => (Path: PathOf(endpoint.RoutePattern), Methods: endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]))
            .Where(endpoint => !NotPublic.Any(prefix => endpoint.Path.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => endpoint.Methods.Select(method => $"{method} {endpoint.Path}"))
            .Order()
            .ToList();

        var document = await GetDocumentAsync();
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order()
            .ToList();

        Assert.Contains("POST /api/cards", mapped);
        Assert.Contains("POST /api/auth/login", mapped);
        Assert.Equal(mapped, described);
    }

    [Fact]
    public async Task A_card_submit_is_described_with_its_body_answers_header_and_bearer_auth()
    {
        var document = await GetDocumentAsync();
        var submit = document.GetProperty("paths").GetProperty("/api/cards").GetProperty("post");

        var request = Resolve(document, submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(request.GetProperty("properties").TryGetProperty("prompt", out _));

        var responses = submit.GetProperty("responses");
        var accepted = responses.GetProperty("202");
        var acceptedBody = Resolve(document, accepted.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(acceptedBody.GetProperty("properties").TryGetProperty("correlationId", out _));
        Assert.Equal(["queued", "processing", "completed", "failed"],
            acceptedBody.GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
        Assert.True(accepted.GetProperty("headers").TryGetProperty("Location", out _));
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        foreach (var status in new[] { "400", "401", "413", "415", "429", "503" })
            AssertProblem(document, responses, status);

        var idempotencyKey = submit.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", idempotencyKey.GetProperty("in").GetString());
        Assert.False(idempotencyKey.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Equal(128, idempotencyKey.GetProperty("schema").GetProperty("maxLength").GetInt32());

        Assert.Equal(["Bearer"], SecurityOf(submit));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Reads_login_and_the_image_carry_their_own_shapes_and_auth()
    {
        var document = await GetDocumentAsync();
        var paths = document.GetProperty("paths");

        var get = paths.GetProperty("/api/cards/{correlationId}").GetProperty("get");
        var card = Resolve(document, get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        foreach (var property in new[] { "correlationId", "status", "prompt", "createdAt", "imageUrl", "error", "queuePosition" })
            Assert.True(card.GetProperty("properties").TryGetProperty(property, out _), property);
        AssertProblem(document, get.GetProperty("responses"), "404");
        Assert.Equal(["Bearer"], SecurityOf(get));

        var list = paths.GetProperty("/api/cards").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("array", Resolve(document, list).GetProperty("type").GetString());

        var login = paths.GetProperty("/api/auth/login").GetProperty("post");
        Assert.Equal(0, login.GetProperty("security").GetArrayLength());
        var session = Resolve(document, login.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(session.GetProperty("properties").TryGetProperty("token", out _));
        // Numbers are documented as the numbers the Api writes, not "integer or string".
        Assert.Equal("integer", session.GetProperty("properties").GetProperty("expiresIn").GetProperty("type").GetString());
        AssertProblem(document, login.GetProperty("responses"), "401");

        var image = paths.GetProperty("/api/cards/{correlationId}/image").GetProperty("get");
        Assert.True(image.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("image/png", out _));
        Assert.Equal(["", "Bearer"], SecurityOf(image));
        Assert.Contains(image.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "sig");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_an_operation_id_and_says_which_security_it_needs()
    {
        var document = await GetDocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToList();

        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), $"{name} has no operationId");
            Assert.True(operation.TryGetProperty("security", out _), $"{name} does not say which security it needs");
        }
        var ids = operations.Select(operation => operation.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task An_animation_request_and_its_video_are_described_with_their_answers_headers_and_auth()
    {
        var document = await GetDocumentAsync();
        var paths = document.GetProperty("paths");

        var animate = paths.GetProperty("/api/cards/{correlationId}/animation").GetProperty("post");
        var responses = animate.GetProperty("responses");
        var accepted = responses.GetProperty("202");
        var animation = Resolve(document, accepted.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["queued", "processing", "completed", "failed"],
            animation.GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
        Assert.True(animation.GetProperty("properties").TryGetProperty("videoUrl", out _));
        Assert.True(accepted.GetProperty("headers").TryGetProperty("Location", out _));
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        foreach (var status in new[] { "401", "404", "409", "429", "503" })
            AssertProblem(document, responses, status);
        Assert.Equal(["Bearer"], SecurityOf(animate));

        var video = paths.GetProperty("/api/cards/{correlationId}/animation/video").GetProperty("get");
        var videoResponses = video.GetProperty("responses");
        Assert.True(videoResponses.GetProperty("200").GetProperty("content").TryGetProperty("video/mp4", out _));
        Assert.True(videoResponses.GetProperty("206").GetProperty("content").TryGetProperty("image/webp", out _));
        foreach (var status in new[] { "403", "404" })
            AssertProblem(document, videoResponses, status);
        Assert.Equal(["", "Bearer"], SecurityOf(video));
        Assert.Equal(["expires", "sig", "download", "Range"], video.GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Where(name => name != "correlationId"));

        var card = Resolve(document, paths.GetProperty("/api/cards/{correlationId}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema")).GetProperty("properties");
        Assert.True(card.TryGetProperty("animation", out _));
        Assert.Contains("gesture", card.GetProperty("ratingSource").GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
        var rate = Resolve(document, paths.GetProperty("/api/cards/{correlationId}/rating").GetProperty("put").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Contains("button", rate.GetProperty("properties").GetProperty("source").GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public async Task Feedback_is_described_with_its_three_bodies_answers_and_views()
    {
        var document = await GetDocumentAsync();
        var paths = document.GetProperty("paths");

        var submit = paths.GetProperty("/api/feedback").GetProperty("post");
        var bodies = submit.GetProperty("requestBody").GetProperty("content");
        var typed = Resolve(document, bodies.GetProperty("application/json").GetProperty("schema"));
        Assert.True(typed.GetProperty("properties").TryGetProperty("text", out _));
        foreach (var audio in new[] { "audio/webm", "audio/wav" })
            Assert.Equal(("string", "binary"), (bodies.GetProperty(audio).GetProperty("schema").GetProperty("type").GetString(), bodies.GetProperty(audio).GetProperty("schema").GetProperty("format").GetString()));
        var responses = submit.GetProperty("responses");
        Assert.True(responses.GetProperty("202").GetProperty("headers").TryGetProperty("Location", out _));
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        foreach (var status in new[] { "400", "401", "413", "415", "429", "503" })
            AssertProblem(document, responses, status);
        Assert.Equal(["Bearer"], SecurityOf(submit));

        var get = paths.GetProperty("/api/feedback/{feedbackId}").GetProperty("get");
        var view = Resolve(document, get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema")).GetProperty("properties");
        Assert.Equal(["spoken", "typed"], view.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
        Assert.Contains("neutral", view.GetProperty("sentiment").GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
        AssertProblem(document, get.GetProperty("responses"), "404");

        var csv = paths.GetProperty("/api/organizer/feedback.csv").GetProperty("get");
        Assert.True(csv.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));
        AssertProblem(document, csv.GetProperty("responses"), "403");
    }

    [Fact]
    public async Task Servers_have_no_trailing_slash()
    {
        var document = await GetDocumentAsync();

        var urls = document.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()!).ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.False(url.EndsWith('/'), url));
    }

    [Fact]
    public async Task The_document_is_served_outside_Development_and_the_reference_UI_is_not()
    {
        using var production = new ProductionFactory();
        using var client = production.CreateClient();

        using var document = await client.GetAsync("/openapi/v1.json");
        using var reference = await client.GetAsync("/scalar");
        using var developmentReference = await factory.CreateClient().GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reference.StatusCode);
        Assert.Equal(HttpStatusCode.OK, developmentReference.StatusCode);
    }

    private Task<JsonElement> GetDocumentAsync() => ServedDocument.GetAsync(factory);

    private static void AssertProblem(JsonElement document, JsonElement responses, string status)
    {
        var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        var problem = Resolve(document, schema);
        Assert.True(problem.GetProperty("properties").TryGetProperty("detail", out _), $"{status} is not a ProblemDetails");
    }

    /// <summary>The security schemes an operation accepts, "" for "no auth".</summary>
    private static string[] SecurityOf(JsonElement operation) =>
        [.. operation.GetProperty("security").EnumerateArray().Select(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name).SingleOrDefault() ?? "")];

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
            return schema;
        var node = document;
        foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            node = node.GetProperty(part);
        return node;
    }

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternLiteralPart literal => literal.Content,
            _ => "",
        }))));

    private sealed class ProductionFactory : ApiFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Event:Username", "booth");
            builder.UseSetting("Event:Password", "a-real-event-password");
            builder.UseSetting("Jwt:SigningKey", "a-production-signing-key-of-at-least-32-bytes");
            builder.UseSetting("Internal:ApiKey", "a-production-internal-key");
            builder.UseSetting("Organizer:Username", "event-host");
            builder.UseSetting("Organizer:Password", "a-real-organizer-password");
        }
    }
}
