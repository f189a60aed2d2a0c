using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests;

/// <summary>What the tests do over HTTP again and again: log in as a new session, submit and read cards.</summary>
internal static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<LoginResponse> LoginAsync(this ApiFactory factory, string username = "demo", string password = "demo")
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LoginResponse>(Json))!;
    }

    /// <summary>A client for a brand-new session (every login is one).</summary>
    public static async Task<(HttpClient Client, LoginResponse Login)> NewSessionAsync(this ApiFactory factory)
    {
        var login = await factory.LoginAsync();
        return (factory.CreateClient().WithBearer(login.Token), login);
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> PostCardAsync(this HttpClient client, string prompt, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cards") { Content = JsonContent.Create(new { prompt }) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<CardAccepted> SubmitCardAsync(this HttpClient client, string prompt = "A dragon guarding a booth full of stickers")
    {
        using var response = await client.PostCardAsync(prompt);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CardAccepted>(Json))!;
    }

    public static async Task<CardView> GetCardAsync(this HttpClient client, string correlationId)
    {
        using var response = await client.GetAsync($"/api/cards/{correlationId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CardView>(Json))!;
    }

    /// <summary>Asserts a ProblemDetails answer with the status and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
