namespace SnapMagic.UnitTests.Worker;

/// <summary>Waits for what a hosted loop does on its own time.</summary>
internal static class Eventually
{
    /// <summary>Polls a condition until it holds, failing after a deadline (no fixed sleeps).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 20 s.");
            await Task.Delay(25);
        }
    }
}
