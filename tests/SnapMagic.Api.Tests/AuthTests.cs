using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SnapMagic.Api.Auth;
using SnapMagic.Cards;

namespace SnapMagic.Api.Tests;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Login_with_the_event_credentials_starts_a_new_session_each_time()
    {
        var first = await factory.LoginAsync();
        var second = await factory.LoginAsync();

        Assert.Equal(24 * 3600, first.ExpiresIn);
        Assert.True(CorrelationIds.IsWellFormed(first.SessionId));
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.NotEqual(first.Token, second.Token);

        var token = new JsonWebToken(first.Token);
        Assert.Equal(first.SessionId, token.GetClaim("sid").Value);
        Assert.Equal("HS256", token.Alg);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
    }

    [Theory]
    [InlineData("demo", "wrong")]
    [InlineData("wrong", "demo")]
    [InlineData("", "")]
    [InlineData("demo", "demo ")]
    public async Task Login_with_wrong_credentials_is_401_ProblemDetails(string username, string password)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("username or password", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"username\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("username=demo&password=demo", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Login_with_a_broken_body_is_4xx_ProblemDetails(string body, string contentType, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, contentType));
        await response.AssertProblemAsync(expected);
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var login = await factory.LoginAsync();
        using var client = factory.CreateClient().WithBearer(login.Token);
        using var response = await client.GetAsync("/api/cards");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> RefusedTokens()
    {
        var now = DateTime.UtcNow;
        return new()
        {
            { "expired", Sign(JwtOptions.DevelopmentSigningKey, "snapmagic-api", "snapmagic", now.AddHours(-25), now.AddHours(-1)) },
            { "wrong key", Sign("another-signing-key-that-is-long-enough-to-use", "snapmagic-api", "snapmagic", now, now.AddHours(1)) },
            { "wrong issuer", Sign(JwtOptions.DevelopmentSigningKey, "someone-else", "snapmagic", now, now.AddHours(1)) },
            { "wrong audience", Sign(JwtOptions.DevelopmentSigningKey, "snapmagic-api", "someone-else", now, now.AddHours(1)) },
            { "alg none", Unsigned(now) },
            { "garbage", "not-a-token" },
        };
    }

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Forged_expired_and_unsigned_tokens_are_refused(string why, string token)
    {
        using var client = factory.CreateClient().WithBearer(token);
        using var response = await client.GetAsync("/api/cards");
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single(h => h.Scheme == "Bearer").Parameter);
        var expected = why == "expired" ? "expired; log in again" : "not valid; log in again";
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var login = await factory.LoginAsync();
        var parts = login.Token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sid"] = JsonSerializer.SerializeToElement(CorrelationIds.New());
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";

        using var client = factory.CreateClient().WithBearer(tampered);
        using var response = await client.GetAsync("/api/cards");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task No_token_is_401_and_the_access_token_query_only_counts_on_the_hub()
    {
        var login = await factory.LoginAsync();
        using var client = factory.CreateClient();

        using var none = await client.GetAsync("/api/cards");
        await none.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);

        using var query = await client.GetAsync($"/api/cards?access_token={login.Token}");
        await query.AssertProblemAsync(HttpStatusCode.Unauthorized);

        using var negotiate = await client.PostAsync($"/hubs/cards/negotiate?negotiateVersion=1&access_token={login.Token}", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    private static string Sign(string key, string issuer, string audience, DateTime issuedAt, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sid"] = CorrelationIds.New(), ["sub"] = "demo" },
        });

    private static string Unsigned(DateTime now)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = new DateTimeOffset(now.AddHours(1)).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"snapmagic-api","aud":"snapmagic","sid":"{{CorrelationIds.New()}}","sub":"demo","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }
}
