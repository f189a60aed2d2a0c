using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// Issue 23: the attendee's page, logged in with a finished card and every control it offers (rating, Animate, the
/// gesture camera's button, "Tell us what you think"), passes axe-core with no serious or critical violation on a
/// laptop and on a phone. The organizer's page is checked in <see cref="OrganizerPageTests"/> (its own system, with figures).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSystem system, ITestOutputHelper output)
{
    public static TheoryData<int, int> Viewports => new() { { 1280, 800 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public Task The_attendee_page_with_a_finished_card_and_its_controls_has_no_serious_axe_violation(int width, int height) =>
        BrowserTestRun.RunAsync(system, output, $"axe-attendee-{width}", async open =>
        {
            var attendee = await open($"axe-attendee-{width}", new ViewportSize { Width = width, Height = height });
            await AxeCheck.AssertNoSeriousViolationsAsync(attendee.Page, $"the login form at {width}x{height}");

            await attendee.LogInAndWaitForThePageAsync();
            await attendee.GenerateAsync($"An accessible lighthouse at {width} pixels");
            await Expect(attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Animate", Exact = true })).ToBeVisibleAsync();
            await Expect(attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Record your answer", Exact = true })).ToBeVisibleAsync();
            await Expect(attendee.Page.GetByLabel("Or type your answer", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(attendee.Page.GetByRole(AriaRole.Group, new() { Name = "Rate this card" })).ToBeVisibleAsync();
            await attendee.ScreenshotAsync("finished card");

            await AxeCheck.AssertNoSeriousViolationsAsync(attendee.Page, $"the attendee page with a finished card at {width}x{height}");
            var overflow = await attendee.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"The page is {overflow}px wider than the {width}px screen.");
            attendee.AssertNoScriptErrors();
        });
}
