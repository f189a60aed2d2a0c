using System.Globalization;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Api.ScaleOut;
using StackExchange.Redis;

namespace SnapMagic.Api.RateLimiting;

/// <summary>
/// Counts per key and fixed window, for the limits that must hold across Api replicas (login attempts, card spend):
/// in Redis when the Api is scaled out, in this process otherwise. While Redis is unreachable each replica counts in its
/// own memory, so a limit still holds per replica (logged, counted as <c>snapmagic.api.rate_limit.local</c>).
/// </summary>
internal sealed class WindowCounts(TimeProvider time, IServiceProvider services, ILogger<WindowCounts> logger)
{
    // Every full limit is checked before anything is counted, so a refusal counts nowhere.
    private static readonly LuaScript TakeScript = LuaScript.Prepare("""
        local keys = cjson.decode(@keys)
        local limits = cjson.decode(@limits)
        local seconds = cjson.decode(@seconds)
        for i, key in ipairs(keys) do
          if limits[i] > 0 and tonumber(redis.call('GET', key) or '0') >= limits[i] then return i end
        end
        if tonumber(@take) == 1 then
          for i, key in ipairs(keys) do
            redis.call('INCR', key)
            redis.call('EXPIRE', key, seconds[i])
          end
        end
        return 0
        """);

    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
    private readonly LocalWindowCounts _local = new();

    /// <summary>
    /// The first of <paramref name="limits"/> whose current window is full, or null when every one has room; with
    /// <paramref name="take"/>, a call that finds room counts once in each.
    /// </summary>
    public async ValueTask<WindowLimit?> TryTakeAsync(IReadOnlyList<WindowLimit> limits, bool take = true)
    {
        var now = time.GetUtcNow();
        if (_redis is not { } redis)
            return _local.TryTake(limits, now, take);
        return await redis.OrWhenUnreachableAsync(async ValueTask<WindowLimit?> () =>
        {
            var full = (int)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, new
            {
                keys = Json(limits.Select(limit => $"snapmagic:limits:{limit.KeyAt(now)}")),
                limits = Json(limits.Select(limit => limit.Limit)),
                // The window's rest plus a minute, so replicas whose clocks differ a little still find the count.
                seconds = Json(limits.Select(limit => (long)Math.Ceiling(limit.RetryAfter(now).TotalSeconds) + 60)),
                take = take ? 1 : 0,
            });
            return full == 0 ? null : limits[full - 1];
        }, exception => Locally(exception, () => _local.TryTake(limits, now, take)));
    }

    /// <summary>Counts once in each of <paramref name="limits"/>, whatever their counts.</summary>
    public async ValueTask AddAsync(IReadOnlyList<WindowLimit> limits) =>
        await TryTakeAsync([.. limits.Select(limit => limit with { Limit = 0 })]);

    /// <summary>The count of <paramref name="limit"/>'s current window.</summary>
    public async ValueTask<long> CountAsync(WindowLimit limit)
    {
        var now = time.GetUtcNow();
        if (_redis is not { } redis)
            return _local.Count(limit, now);
        return await redis.OrWhenUnreachableAsync(async ValueTask<long> () =>
        {
            var value = await redis.GetDatabase().StringGetAsync($"snapmagic:limits:{limit.KeyAt(now)}");
            return value.HasValue ? (long)value : 0;
        }, exception => Locally(exception, () => _local.Count(limit, now)));
    }

    private T Locally<T>(Exception? exception, Func<T> count)
    {
        logger.LogWarning(exception, "Redis is unreachable: a limit was counted in this process only");
        ApiTelemetry.RateLimitLocal.Add(1);
        return count();
    }

    private static string Json<T>(IEnumerable<T> values) =>
        "[" + string.Join(",", values.Select(value => value is string text
            ? System.Text.Json.JsonSerializer.Serialize(text)
            : Convert.ToString(value, CultureInfo.InvariantCulture))) + "]";
}
