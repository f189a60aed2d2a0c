using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SnapMagic.Contracts;
using SnapMagic.FakeBedrock;
using SnapMagic.TestSupport.Api;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// The page's error screens (issue 3: "prompt blocked by the content filter, generation failed (with a retry
/// button)") in a real Chromium, with the worker's Bedrock calls answered by the fake each test scripts.
/// </summary>
[Collection(FailingModelBrowserCollection.Name)]
public sealed partial class FailedCardPageTests(FailingModelBrowserSystem system, ITestOutputHelper output)
{
    private const float CardTimeout = 60_000;

    private FakeBedrockServer Bedrock => system.Bedrock;

    [Fact]
    public Task A_prompt_blocked_by_the_content_filter_is_said_in_words_and_put_back_to_be_changed() => RunAsync("prompt-blocked", async open =>
    {
        var attendee = await open("prompt-blocked");
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A dragon knight storming a castle made of candy";
        var calls = Bedrock.RequestCount;
        Bedrock.Enqueue(FakeBedrockReply.PromptBlocked);

        await attendee.Prompt.FillAsync(prompt);
        await attendee.GenerateButton.ClickAsync();
        await ExpectFailedAsync(attendee);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card was blocked by the content filter.");
        await Expect(attendee.FailureNotice).ToContainTextAsync("Blocked by the content filter");
        await Expect(attendee.FailureNotice).ToContainTextAsync("Your prompt was blocked by the content filter. Try different words.");
        await Expect(attendee.ResultPrompt).ToContainTextAsync(prompt);
        await Expect(attendee.TryAgainButton).ToHaveCountAsync(0);
        await Expect(attendee.GalleryItem(prompt)).ToContainTextAsync("Failed");
        await ExpectReadableAsync(attendee);
        await attendee.ScreenshotAsync("prompt blocked");
        // A content-filter block is final: the worker asked the model once.
        Assert.Equal(1, Bedrock.RequestCount - calls);

        // The prompt box emptied when the card was accepted; "Change the prompt" puts it back to be edited.
        await Expect(attendee.Prompt).ToHaveValueAsync("");
        await attendee.ChangePromptButton.ClickAsync();
        await Expect(attendee.Prompt).ToHaveValueAsync(prompt);
        await Expect(attendee.Prompt).ToBeFocusedAsync();
        await Expect(attendee.PromptCounter).ToHaveTextAsync($"{prompt.Length} / 1024");
        await attendee.ScreenshotAsync("prompt back for editing");

        var card = await CardAsync(attendee, await attendee.CardIdAsync(prompt));
        Assert.Equal("failed", card.Status);
        Assert.Null(card.ImageUrl);
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task A_picture_blocked_by_the_output_filter_is_said_in_words_too() => RunAsync("output-blocked", async open =>
    {
        // On a phone: the notice and its button must fit and read there as well.
        var attendee = await open("output-blocked", new ViewportSize { Width = 390, Height = 844 });
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A lighthouse keeper befriending a sea serpent";
        var calls = Bedrock.RequestCount;
        Bedrock.Enqueue(FakeBedrockReply.OutputBlocked);

        await attendee.Prompt.FillAsync(prompt);
        await attendee.GenerateButton.ClickAsync();
        await ExpectFailedAsync(attendee);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card was blocked by the content filter.");
        await Expect(attendee.FailureNotice).ToContainTextAsync("Blocked by the content filter");
        await Expect(attendee.FailureNotice).ToContainTextAsync("The picture was blocked by the content filter. Try different words.");
        await Expect(attendee.ChangePromptButton).ToBeVisibleAsync();
        await Expect(attendee.TryAgainButton).ToHaveCountAsync(0);
        await ExpectReadableAsync(attendee);
        await attendee.ScreenshotAsync("picture blocked");
        Assert.Equal(1, Bedrock.RequestCount - calls);

        await attendee.ChangePromptButton.ClickAsync();
        await Expect(attendee.Prompt).ToHaveValueAsync(prompt);
        await Expect(attendee.Prompt).ToBeFocusedAsync();
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task A_card_the_model_refuses_says_generation_failed_and_try_again_makes_a_new_card_that_completes() => RunAsync("generation-failed", async open =>
    {
        var attendee = await open("generation-failed");
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A robot gardener watering a field of crystal flowers";
        var calls = Bedrock.RequestCount;
        // A ValidationException that is not the content filter: not retried by the worker. The next call succeeds.
        Bedrock.Enqueue(FakeBedrockReply.Invalid(), FakeBedrockReply.Success);

        await attendee.Prompt.FillAsync(prompt);
        await attendee.GenerateButton.ClickAsync();
        await ExpectFailedAsync(attendee);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Sorry, your card could not be made.");
        await Expect(attendee.FailureNotice).ToContainTextAsync("Generation failed");
        await Expect(attendee.FailureNotice).ToContainTextAsync("You can try again with the same prompt, or change it.");
        await Expect(attendee.TryAgainButton).ToBeVisibleAsync();
        await Expect(attendee.ChangePromptButton).ToBeVisibleAsync();
        await ExpectReadableAsync(attendee);
        await attendee.ScreenshotAsync("generation failed");
        Assert.Equal(1, Bedrock.RequestCount - calls);
        var failedId = await attendee.CardIdAsync(prompt);

        await attendee.TryAgainButton.ClickAsync();
        await AttendeePage.ExpectDecodedAsync(attendee.CardImage(prompt), CardTimeout);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card is ready!");
        await Expect(attendee.FailureNotice).ToHaveCountAsync(0);
        await Expect(attendee.GalleryItem(prompt)).ToHaveCountAsync(2);
        await attendee.ScreenshotAsync("new card after try again");
        Assert.Equal(2, Bedrock.RequestCount - calls);

        // "Try again" made a new card (a new correlation id); the failed one stays failed.
        var ids = await attendee.GalleryItem(prompt).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.cardId)");
        var newId = Assert.Single(ids, id => id != failedId);
        Assert.Contains(failedId, ids);
        Assert.Equal("completed", (await CardAsync(attendee, newId)).Status);
        var failed = await CardAsync(attendee, failedId);
        Assert.Equal("failed", failed.Status);
        Assert.DoesNotMatch(TechnicalWords(), failed.Error!);
        await Expect(attendee.Page.Locator($"#gallery-list > li[data-card-id='{failedId}']")).ToContainTextAsync("Failed");
        await Expect(attendee.Page.Locator($"#gallery-list > li[data-card-id='{newId}']")).ToContainTextAsync("Ready");
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task A_transient_model_error_is_invisible_to_the_attendee_and_the_card_completes() => RunAsync("transient", async open =>
    {
        var attendee = await open("transient");
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A submarine captain mapping a glowing reef";
        var calls = Bedrock.RequestCount;
        Bedrock.Enqueue(FakeBedrockReply.Unavailable);

        await attendee.GenerateAsync(prompt);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card is ready!");
        await attendee.ScreenshotAsync("card done despite a 503");
        // The worker retried (two model calls) and the page never showed a failure or an error line.
        Assert.Equal(2, Bedrock.RequestCount - calls);
        Assert.DoesNotContain("failed", await attendee.RecordedStatusesAsync());
        await Expect(attendee.FailureNotice).ToHaveCountAsync(0);
        await Expect(attendee.FormError).ToBeHiddenAsync();
        await Expect(attendee.Banner).ToBeHiddenAsync();
        await Expect(attendee.GalleryItem(prompt)).ToContainTextAsync("Ready");
        attendee.AssertNoScriptErrors();
    });

    /// <summary>The card shown is failed and nothing still pretends to paint it.</summary>
    private static async Task ExpectFailedAsync(AttendeePage attendee)
    {
        await Expect(attendee.Page.Locator("#result-body")).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = CardTimeout });
        await Expect(attendee.FailureNotice).ToBeVisibleAsync();
        await Expect(attendee.Page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
        await Expect(attendee.GenerateButton).ToBeEnabledAsync();
    }

    /// <summary>What the attendee reads about the card: words, never an error type, a status code or a stack trace.</summary>
    private static async Task ExpectReadableAsync(AttendeePage attendee)
    {
        var text = await attendee.ResultPanel.InnerTextAsync();
        Assert.DoesNotMatch(TechnicalWords(), text);
        Assert.DoesNotMatch(TechnicalWords(), await attendee.Page.Locator("main").InnerTextAsync());
    }

    [GeneratedRegex(@"Exception|Bedrock|Nova Canvas|\bat \w+\.|\bstack\b|\b[45]\d\d\b|HTTP|[{}\[\]<>]|null|undefined", RegexOptions.IgnoreCase)]
    private static partial Regex TechnicalWords();

    /// <summary>The store's view of a card, with the session the page keeps.</summary>
    private async Task<CardView> CardAsync(AttendeePage attendee, string correlationId) =>
        await system.System.Api.GetCardAsync(await attendee.TokenAsync(), correlationId);

    private Task RunAsync(string name, Func<OpenPage, Task> test) => BrowserTestRun.RunAsync(system, output, name, test);
}
