using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnapMagic.Api.Cards;
using SnapMagic.TestSupport;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>
/// The Api on a real Kestrel socket (loopback, free port), so header, URL and body limits are Kestrel's own, with
/// every Error-level log line recorded. Shared by the catalogue: a card of another session and a completed card
/// with its signed image link are made once.
/// </summary>
public sealed class BadInputServer : IAsyncLifetime
{
    /// <summary>Above the floods of the hub cases (their calls are refused for other reasons first).</summary>
    public const int SubscribesPerMinute = HubBadInputCases.FloodSize + 200;

    public const int ConnectionsPerSession = 3;

    private readonly RecordingFactory _factory = new();

    public BadInputServer()
    {
        var port = FreePort.Next();
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public ApiFactory Factory => _factory;
    public Uri BaseAddress { get; }
    public Uri HubUrl => new(BaseAddress, "/hubs/cards");
    public ErrorLog Errors => _factory.Errors;

    /// <summary>A queued card that belongs to a session the cases never log in as.</summary>
    public string OtherSessionsCard { get; private set; } = "";

    /// <summary>Path and query of a valid signed link to a completed card's image.</summary>
    public string SignedImageLink { get; private set; } = "";

    public string SignedImageCard { get; private set; } = "";

    /// <summary>Path and query of a valid signed link to <see cref="SignedImageCard"/>'s finished animation video.</summary>
    public string SignedVideoLink { get; private set; } = "";

    /// <summary>A typed feedback answer that belongs to a session the cases never log in as.</summary>
    public string OtherSessionsFeedback { get; private set; } = "";

    /// <summary>The token of <see cref="SignedImageCard"/>'s owner, who may rate it.</summary>
    public string SignedImageCardOwnerToken { get; private set; } = "";

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        var (other, otherLogin) = await _factory.NewSessionAsync();
        using (other)
        {
            OtherSessionsCard = (await other.SubmitCardAsync("A card that belongs to somebody else")).CorrelationId;
            OtherSessionsFeedback = (await other.SubmitTypedFeedbackAsync(otherLogin.Token, "Feedback that belongs to somebody else")).FeedbackId;
        }

        var (owner, login) = await _factory.NewSessionAsync();
        using (owner)
        {
            SignedImageCard = (await owner.SubmitCardAsync("A card with a finished image")).CorrelationId;
            await _factory.CompleteWithImageAsync(SignedImageCard, login.SessionId);
            await owner.RequestAnimationAsync(login.Token, SignedImageCard);
            await _factory.CompleteAnimationAsync(SignedImageCard, login.SessionId);
            var view = await owner.GetCardAsync(SignedImageCard);
            SignedImageLink = new Uri(view.ImageUrl!).PathAndQuery;
            SignedVideoLink = new Uri(view.Animation!.VideoUrl!).PathAndQuery;
            SignedImageCardOwnerToken = login.Token;
        }
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private sealed class RecordingFactory : ApiFactory
    {
        public ErrorLog Errors { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hub:SubscribesPerConnectionPerMinute", SubscribesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Hub:MaxConnectionsPerSession", ConnectionsPerSession.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Errors));
        }
    }
}
