using SnapMagic.Contracts;
using System.Net;
using System.Net.Http.Json;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Organizer;

namespace SnapMagic.Api.Tests.Organizer;

/// <summary>The organizer's side over HTTP: log in with the development organizer login, read the summary and the CSV.</summary>
internal static class OrganizerApi
{
    public static Task<LoginResponse> LoginOrganizerAsync(this ApiFactory factory) =>
        factory.LoginAsync(OrganizerLoginOptions.DevelopmentUsername, OrganizerLoginOptions.DevelopmentPassword);

    public static async Task<HttpClient> NewOrganizerAsync(this ApiFactory factory) =>
        factory.CreateClient().WithBearer((await factory.LoginOrganizerAsync()).Token);

    public static Task<OrganizerSummary> GetSummaryAsync(this HttpClient organizer) =>
        organizer.GetFromJsonOrFailAsync<OrganizerSummary>("/api/organizer/summary");

    public static async Task<T> GetFromJsonOrFailAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(ApiClient.Json))!;
    }

    public static Task<HttpResponseMessage> RateAsync(this HttpClient client, string correlationId, string rating) =>
        client.PutAsJsonAsync($"/api/cards/{correlationId}/rating", new { rating });
}
