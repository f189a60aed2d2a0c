using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.TestSupport;
using StackExchange.Redis;

namespace SnapMagic.Api.Tests;

/// <summary>
/// A scaled-out Api whose Redis is unreachable (a port nothing listens on): what can go without Redis still works, and a
/// Redis failure the code does not absorb answers 503 with Retry-After as a ProblemDetails, never a 500.
/// </summary>
public sealed class ApiWithoutRedisTests : IDisposable
{
    /// <summary>Not an Api route: a request here meets a Redis failure no code of the Api absorbs.</summary>
    private const string FailingPath = "/test/redis-failure";

    private readonly UnreachableRedisFactory _factory = new();

    private sealed class UnreachableRedisFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:redis", $"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=500");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
        }
    }

    /// <summary>After the Api's own pipeline: only requests no endpoint took (the failing path) reach it.</summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == FailingPath
                ? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is available.")
                : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task A_Redis_failure_answers_503_with_Retry_After()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(FailingPath);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Redis", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Logins_and_card_submits_still_work()
    {
        var (client, _) = await _factory.NewSessionAsync();

        using var accepted = await client.PostCardAsync("A card while Redis is away");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
