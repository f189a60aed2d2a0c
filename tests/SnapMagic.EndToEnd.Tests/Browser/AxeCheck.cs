using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright runs the package's axe.min.js in the page) over what the page shows now: no
/// serious or critical violation of any rule axe runs by default (WCAG 2.x A and AA, best practices).
/// </summary>
public static class AxeCheck
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0,
            $"axe-core found on {what}:{Environment.NewLine}" + string.Join(Environment.NewLine, blocking.Select(Describe)));
        // Something was looked at: a run over an empty or unloaded page proves nothing.
        Assert.True(result.Passes.Length > 10, $"axe-core passed only {result.Passes.Length} rules on {what}.");
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}; at " +
        string.Join(", ", violation.Nodes.Take(5).Select(node => node.Target?.ToString() ?? node.Html));
}
