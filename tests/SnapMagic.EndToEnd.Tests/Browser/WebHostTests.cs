namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>What the Web host itself promises the page: where the Api is, and headers that fence the page in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebHostTests(BrowserSystem system)
{
    [Fact]
    public async Task Config_json_names_the_Api_and_is_never_cached()
    {
        using var web = new HttpClient { BaseAddress = system.WebUrl };
        using var response = await web.GetAsync("/config.json");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "config.json must not be cached.");
        using var config = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(system.System.App.ApiUrl.ToString().TrimEnd('/'), config.RootElement.GetProperty("apiUrl").GetString());
        // One Api replica: the page negotiates (and may fall back to other transports before polling).
        Assert.False(config.RootElement.GetProperty("hubSkipNegotiation").GetBoolean());
    }

    [Fact]
    public async Task The_page_is_served_with_a_policy_that_allows_the_Api_and_nothing_else_to_be_called()
    {
        using var web = new HttpClient { BaseAddress = system.WebUrl };
        using var response = await web.GetAsync("/");

        response.EnsureSuccessStatusCode();
        Assert.Contains("<label for=\"prompt\">Prompt</label>", await response.Content.ReadAsStringAsync());
        var api = system.System.App.ApiUrl;
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        // WebAssembly compilation for MediaPipe Hands (gesture rating), and still no JavaScript eval.
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy);
        Assert.Contains($"connect-src 'self' http://{api.Authority} ws://{api.Authority};", policy);
        // Images: the page, data:/blob: URLs and the Api (the embedded backend's signed links), no other host.
        Assert.Contains($"img-src 'self' data: blob: http://{api.Authority};", policy);
        // Animations (issue 22) play from the same places as images, less data:/blob:; nothing wider.
        Assert.Contains($"media-src 'self' http://{api.Authority};", policy);
        // The camera (gesture rating) and the microphone (spoken feedback) for this origin only; nothing else.
        Assert.Equal("camera=(self), microphone=(self), geolocation=(), payment=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        using var bundle = await web.GetAsync("/dist/app.js");
        bundle.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
    }
}
