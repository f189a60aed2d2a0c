using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace SnapMagic.Api.Tests;

public sealed class ProductionStartupTests
{
    private sealed class ProductionFactory : ApiFactory
    {
        protected override string EnvironmentName => "Production";
    }

    [Fact]
    public void Without_secrets_the_host_refuses_to_start_and_names_every_key_to_set()
    {
        using var factory = new ProductionFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.ToString();
        Assert.Contains("Jwt:SigningKey", message);
        Assert.Contains("Event:Username", message);
        Assert.Contains("Event:Password", message);
        Assert.Contains("Internal:ApiKey", message);
        Assert.Contains("Organizer:Username", message);
        Assert.Contains("Organizer:Password", message);
    }

    [Fact]
    public void Development_defaults_and_short_keys_are_refused_outside_Development()
    {
        using var factory = new ProductionFactory();
        using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting("Event:Username", "booth")
            .UseSetting("Event:Password", "demo")
            .UseSetting("Jwt:SigningKey", "too-short")
            .UseSetting("Internal:ApiKey", "snapmagic-dev-internal-key")
            .UseSetting("Organizer:Username", "organizer")
            .UseSetting("Organizer:Password", "a-real-organizer-password"));

        var message = Assert.ThrowsAny<Exception>(() => configured.CreateClient()).ToString();

        Assert.Contains("Event:Password", message);
        Assert.Contains("Jwt:SigningKey is too short", message);
        Assert.Contains("Internal:ApiKey", message);
        Assert.Contains("Organizer:Username still has its development default", message);
        Assert.DoesNotContain("Event:Username", message);
        Assert.DoesNotContain("Organizer:Password", message);
    }

    [Fact]
    public async Task With_its_secrets_set_the_host_starts_and_uses_them()
    {
        using var factory = new ProductionFactory();
        using var configured = WithSecrets(factory);
        using var client = configured.CreateClient();

        using var demo = await client.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "demo" });
        using var organizer = await client.PostAsJsonAsync("/api/auth/login", new { username = "organizer", password = "organizer" });
        using var booth = await client.PostAsJsonAsync("/api/auth/login", new { username = "booth", password = "a-real-event-password" });
        using var host = await client.PostAsJsonAsync("/api/auth/login", new { username = "host", password = "a-real-organizer-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, organizer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, booth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, host.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_HTTPS_answers_carry_HSTS_and_Development_ones_do_not()
    {
        using var factory = new ProductionFactory();
        using var configured = WithSecrets(factory);
        using var development = new ApiFactory();
        var https = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://snapmagic.example") };

        using var production = await configured.CreateClient(https).GetAsync("/alive");
        using var local = await development.CreateClient(https).GetAsync("/alive");

        Assert.True(production.Headers.Contains("Strict-Transport-Security"));
        Assert.False(local.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The production factory with every secret set to a value that is not a development default.</summary>
    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithSecrets(ProductionFactory factory) =>
        factory.WithWebHostBuilder(b => b
            .UseSetting("Event:Username", "booth")
            .UseSetting("Event:Password", "a-real-event-password")
            .UseSetting("Jwt:SigningKey", "a-production-signing-key-of-at-least-32-bytes")
            .UseSetting("Internal:ApiKey", "a-production-internal-key")
            .UseSetting("Organizer:Username", "host")
            .UseSetting("Organizer:Password", "a-real-organizer-password"));

    [Fact]
    public void A_relative_public_url_stops_start_up_with_a_message_naming_the_key()
    {
        using var factory = new ApiFactory();
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Api:PublicUrl", "/cards"));

        var message = Assert.ThrowsAny<Exception>(() => configured.CreateClient()).ToString();

        Assert.Contains("Api:PublicUrl", message);
    }
}
