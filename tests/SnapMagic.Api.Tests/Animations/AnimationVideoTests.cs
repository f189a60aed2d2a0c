using System.Net;
using System.Net.Http.Headers;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Animations;

/// <summary>GET /api/cards/{id}/animation/video: through the card's signed videoUrl or as the owner, with ranges and a download name.</summary>
public sealed class AnimationVideoTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_signed_videoUrl_serves_the_stored_video_with_its_type_and_no_token()
    {
        var (card, _) = await AnimatedCardAsync();
        var view = await card.Client.GetCardAsync(card.Id);
        Assert.StartsWith($"http://localhost/api/cards/{card.Id}/animation/video?expires=", view.Animation!.VideoUrl);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync(view.Animation.VideoUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestCards.Mp4, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("private", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_owner_gets_it_with_the_Bearer_token_and_download_1_names_the_file()
    {
        var (card, login) = await AnimatedCardAsync();

        var (bytes, type) = await card.Client.DownloadAnimationAsync(login.Token, card.Id);
        using var download = await card.Client.GetAsync($"/api/cards/{card.Id}/animation/video?download=1");

        Assert.Equal(TestCards.Mp4, bytes);
        Assert.Equal("video/mp4", type);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(CardAnimation.DownloadFileName(card.Id, "video/mp4"), download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_range_is_answered_206_with_those_bytes_so_a_video_element_can_seek()
    {
        var (card, _) = await AnimatedCardAsync();
        var url = (await card.Client.GetCardAsync(card.Id)).Animation!.VideoUrl!;
        using var anonymous = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 199);

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(TestCards.Mp4[100..200], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((100L, 199L, (long)TestCards.Mp4.Length), (response.Content.Headers.ContentRange!.From, response.Content.Headers.ContentRange.To, response.Content.Headers.ContentRange.Length));
    }

    [Fact]
    public async Task An_animated_webp_from_the_local_animator_is_served_as_image_webp()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        await client.RequestAnimationAsync(login.Token, card.CorrelationId);
        byte[] webp = [.. "RIFF"u8, 0x20, 0, 0, 0, .. "WEBPVP8X"u8, .. new byte[24]];
        await factory.CompleteAnimationAsync(card.CorrelationId, login.SessionId, webp, "image/webp");

        var (bytes, type) = await client.DownloadAnimationAsync(login.Token, card.CorrelationId, (await client.GetCardAsync(card.CorrelationId)).Animation!.VideoUrl);

        Assert.Equal(webp, bytes);
        Assert.Equal("image/webp", type);
        Assert.EndsWith(".webp", CardAnimation.DownloadFileName(card.CorrelationId, "image/webp"));
    }

    [Fact]
    public async Task An_image_link_never_opens_the_video_nor_a_video_link_the_image()
    {
        var (card, _) = await AnimatedCardAsync();
        var view = await card.Client.GetCardAsync(card.Id);
        var imageQuery = new Uri(view.ImageUrl!).Query;
        var videoQuery = new Uri(view.Animation!.VideoUrl!).Query;
        using var anonymous = factory.CreateClient();

        using var videoWithImageSignature = await anonymous.GetAsync($"/api/cards/{card.Id}/animation/video{imageQuery}");
        using var imageWithVideoSignature = await anonymous.GetAsync($"/api/cards/{card.Id}/image{videoQuery}");

        await videoWithImageSignature.AssertProblemAsync(HttpStatusCode.Forbidden);
        await imageWithVideoSignature.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_session_gets_404_without_a_link_401_and_a_card_without_a_finished_animation_404()
    {
        var (card, _) = await AnimatedCardAsync();
        var (stranger, _) = await factory.NewSessionAsync();
        var (client, ownerLogin) = await factory.NewSessionAsync();
        var pending = await client.SubmitCardAsync("A card whose animation is still queued");
        await factory.CompleteWithImageAsync(pending.CorrelationId, ownerLogin.SessionId);
        await client.RequestAnimationAsync(ownerLogin.Token, pending.CorrelationId);
        using var anonymous = factory.CreateClient();

        using var byStranger = await stranger.GetAsync($"/api/cards/{card.Id}/animation/video");
        using var withoutCredentials = await anonymous.GetAsync($"/api/cards/{card.Id}/animation/video");
        using var notFinished = await client.GetAsync($"/api/cards/{pending.CorrelationId}/animation/video");

        await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);
        await withoutCredentials.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await notFinished.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await client.GetCardAsync(pending.CorrelationId)).Animation!.VideoUrl);
    }

    private async Task<((HttpClient Client, string Id) Card, LoginResponse Login)> AnimatedCardAsync()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        await client.RequestAnimationAsync(login.Token, card.CorrelationId);
        await factory.CompleteAnimationAsync(card.CorrelationId, login.SessionId);
        return ((client, card.CorrelationId), login);
    }
}
