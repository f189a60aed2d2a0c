using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.FakeBedrock;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// Issue 22's other half in a real Chromium: on aws-local the animation is the fake Bedrock's H.264 MP4 in the event's
/// bucket on fauxqs, shown through its presigned link in a muted looping &lt;video&gt; over the card's art window, and it
/// plays (its time advances). Runs on the shared aws-local system with a Chromium of its own.
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class AwsAnimationPageTests(AwsSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task Animate_plays_Bedrocks_mp4_in_the_art_window_and_offers_its_download()
    {
        Assert.Equal("video/mp4", FakeBedrockServer.AsyncInvokeVideoFormat); // ffmpeg is installed by tests/run.sh
        system.Bedrock.AsyncInvokeS3ServiceUrl = system.App.Aspire.GetEndpoint("fauxqs", "http").ToString();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSystem.LaunchChromiumAsync(playwright);
        var attendee = await AttendeePage.OpenAsync(browser, system.App.WebUrl, "aws-animate");
        try
        {
            await attendee.LogInAndWaitForThePageAsync();
            const string prompt = "A lantern festival drifting over a river";
            await attendee.GenerateAsync(prompt);

            await attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Animate", Exact = true }).ClickAsync();
            await Expect(attendee.Page.Locator("#animation-status")).ToHaveTextAsync(AnimationPageTests.ReadyText, new() { Timeout = 120_000 });

            var media = await AnimationPlayback.ExpectPlayingInTheArtWindowAsync(attendee.Page, prompt);
            Assert.Equal("VIDEO", media.Tag);
            var download = attendee.Page.GetByRole(AriaRole.Link, new() { Name = "Download animation", Exact = true });
            var href = await download.GetAttributeAsync("href") ?? throw new InvalidOperationException("No download link.");
            // The presigned S3 link (fauxqs here): the page adds nothing to it, and it opens the MP4 itself.
            Assert.StartsWith(system.App.Aspire.GetEndpoint("fauxqs", "http").GetLeftPart(UriPartial.Authority), href, StringComparison.Ordinal);
            using var http = new HttpClient();
            Animations.PlayableVideo.AssertMp4(await http.GetByteArrayAsync(href));
            await attendee.ScreenshotAsync("aws animation playing");
            attendee.AssertNoScriptErrors();
        }
        catch
        {
            await attendee.ScreenshotAsync("failure");
            output.WriteLine(system.RecentOutput());
            throw;
        }
        finally
        {
            await attendee.Context.CloseAsync();
        }
    }
}
