using Microsoft.AspNetCore.SignalR;

namespace SnapMagic.Api.Hub;

/// <summary>
/// SignalR logs every exception a hub method throws at Error, including the <see cref="HubException"/>s
/// the hub throws on purpose to refuse bad input (a flood of bad Subscribe calls would read as an outage).
/// This filter logs refusals at Debug and real failures at Error itself, so the dispatcher's own
/// Error line can be turned off (see <see cref="DispatcherCategory"/>).
/// </summary>
internal sealed class HubErrorLogging(ILogger<HubErrorLogging> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            logger.LogDebug("Hub call {Method} refused: {Reason}", invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Hub call {Method} failed", invocationContext.HubMethodName);
            throw;
        }
    }
}
