using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The Aspire dashboard's metrics view on one resource's instrument, in its table view, as an SRE reads it: the
/// resource's meters and instruments in the tree on the left, the instrument's values over time on the right (the
/// newest row first). A counter's row is its running total, a gauge's its reading; a histogram's rows are
/// percentiles unless "Show count" switches them to the number of recordings. A replica is shown under its own
/// resource id (worker-abc12).
/// </summary>
public sealed class DashboardMetricsPage(IPage page, Uri dashboardUrl, Action<string> log)
{
    /// <summary>Telemetry is exported every second in Development; this bounds how long a value may take to show.</summary>
    private const float ValueTimeoutMs = 45_000;

    /// <summary>
    /// The table view of Aspire 13.6's dashboard sometimes loses its Blazor circuit while its first rows render
    /// (ObjectDisposedException in Virtualize's interop, logged by the dashboard) and shows "An unhandled error has
    /// occurred. Reload"; reloading, as the page offers, shows it. A page that keeps failing fails the test.
    /// </summary>
    private const int Attempts = 3;

    // Waits for the newest row's first value (a total, a reading, a count or a histogram's P50) to be within
    // [min, max] under the expected column header; reports a lost circuit at once instead of waiting it out.
    private const string NewestValueScript = """
        ({ min, max, header }) => {
            const error = document.getElementById('blazor-error-ui');
            if (error && getComputedStyle(error).display !== 'none') return { lost: true };
            const table = document.getElementById('metric-table-container');
            if (!table || !(table.querySelector('thead')?.textContent ?? '').includes(header)) return null;
            const cell = table.querySelector('tbody tr[role=row] td[col-index="2"]');
            const value = cell ? parseFloat(cell.textContent.replaceAll(',', '')) : NaN;
            return value >= min && value <= max ? { value } : null;
        }
        """;

    public IPage Page => page;

    /// <summary>
    /// Opens the instrument of <paramref name="resource"/>, checks that the resource's tree lists it under its meter
    /// (and, for a histogram with <paramref name="count"/>, switches to counts), and waits until the newest value is
    /// within [<paramref name="min"/>, <paramref name="max"/>]; returns it.
    /// </summary>
    public async Task<double> WaitForNewestValueAsync(string resource, string meter, string instrument, double min,
        double max = double.MaxValue, bool count = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await OpenAsync(resource, meter, instrument);
            if (count)
                await ShowCountAsync();
            var result = await WaitForNewestValueAsync(min, max, header: count ? "Count" : "Time");
            if (result.TryGetProperty("value", out var value))
                return value.GetDouble();
            if (attempt == Attempts)
                throw new InvalidOperationException($"The dashboard's metrics page of {resource} {instrument} lost its circuit {Attempts} times.");
            log($"The dashboard's metrics page of {resource} {instrument} lost its circuit (attempt {attempt}); reloading it.");
        }
    }

    /// <summary>The values of a dimension the filters offer (the <c>state</c> of the queue depth, say).</summary>
    public ILocator DimensionValues(string dimension) =>
        page.Locator(".metrics-filters-container tr[role=row]", new() { Has = page.Locator($"td[title='{dimension}']") })
            .Locator("button.dimension-tag.filter-value-tag");

    private async Task OpenAsync(string resource, string meter, string instrument)
    {
        var query = $"meter={Uri.EscapeDataString(meter)}&instrument={Uri.EscapeDataString(instrument)}&view=Graph";
        await page.GotoAsync(new Uri(dashboardUrl, $"/metrics/resource/{Uri.EscapeDataString(resource)}?{query}").ToString());
        await Assertions.Expect(page.Locator($"fluent-tree-item[title='{meter}'] fluent-tree-item[title='{instrument}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".metrics-chart-header h3")).ToHaveTextAsync(instrument);
        // Switched to the table once the instrument shows, as an SRE does: a table opened straight from the URL lost its
        // circuit (see Attempts) in about half the page loads on this machine, this way in none of the runs measured.
        var table = page.GetByRole(AriaRole.Tab, new() { Name = "Table", Exact = true });
        await table.ClickAsync();
        await Assertions.Expect(table).ToHaveAttributeAsync("aria-selected", "true");
        // Every reading, not only changes: a gauge that never changed (a queue depth of 0 throughout) has no change to show.
        await SwitchAsync("Only show value updates", on: false);
    }

    private Task ShowCountAsync() => SwitchAsync("Show count", on: true);

    private async Task SwitchAsync(string label, bool on)
    {
        var toggle = page.Locator("fluent-field", new() { HasText = label }).Locator("fluent-switch");
        // The dashboard may remember a choice across page loads.
        if (await toggle.GetAttributeAsync("checked") == "true" != on)
            await toggle.ClickAsync();
        if (on)
            await Assertions.Expect(toggle).ToHaveAttributeAsync("checked", "true");
        else
            await Assertions.Expect(toggle).Not.ToHaveAttributeAsync("checked", "true");
    }

    private async Task<JsonElement> WaitForNewestValueAsync(double min, double max, string header)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync(NewestValueScript, new { min, max, header },
                new() { Timeout = ValueTimeoutMs });
            return await handle.JsonValueAsync<JsonElement>();
        }
        catch (TimeoutException)
        {
            var shown = string.Join(Environment.NewLine, await page.Locator("#metric-table-container").AllInnerTextsAsync());
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The newest value did not reach [{min}, {max}] within {ValueTimeoutMs / 1000:0} s. The table shows:{Environment.NewLine}{shown}"));
        }
    }
}
