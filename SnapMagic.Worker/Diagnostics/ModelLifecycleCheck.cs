using Microsoft.Extensions.Options;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>
/// Once at start-up, asks Bedrock's control plane (GetFoundationModel) about the configured model and says in the
/// log whether cards can be painted with it: a warning when it is Legacy or past its end of life, an error when
/// access is denied or the model is unknown. It runs beside start-up and never stops it: the image model's own
/// failures still reach attendees through the usual outcomes.
/// </summary>
public sealed partial class ModelLifecycleCheck(
    IServiceProvider services,
    IOptions<BedrockOptions> options,
    TimeProvider time,
    ILogger<ModelLifecycleCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        await CheckAsync(stoppingToken);
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var modelId = settings.ModelId;
        var foundationModelId = BedrockControlPlaneClient.FoundationModelId(modelId);
        try
        {
            // Resolved here: finding no credentials must be a log line, not a failed start-up.
            var controlPlane = services.GetRequiredService<BedrockControlPlaneClient>();
            var lifecycle = await controlPlane.GetFoundationModelLifecycleAsync(modelId, cancellationToken);
            if (lifecycle.IsPastEndOfLife(time.GetUtcNow()))
                LogPastEndOfLife(modelId, settings.Family, lifecycle.EndOfLifeTime);
            else if (lifecycle.IsLegacy)
                LogLegacy(modelId, settings.Family, lifecycle.EndOfLifeTime?.ToString("yyyy-MM-dd") ?? "not announced");
            else
                LogActive(modelId, settings.Family, lifecycle.Status);
        }
        catch (BedrockException ex) when (ex.ErrorType == "AccessDeniedException" || ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            LogAccessDenied(modelId, foundationModelId, settings.Region, ex.ServiceMessage);
        }
        catch (BedrockException ex) when (ex.ErrorType is "ResourceNotFoundException" or "ValidationException" || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            LogUnknownModel(modelId, foundationModelId, settings.Region, ex.ServiceMessage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(modelId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bedrock model {ModelId} ({Family}) is {Status}.")]
    private partial void LogActive(string modelId, BedrockModelFamily family, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bedrock model {ModelId} ({Family}) is Legacy: end of life {EndOfLife}. "
        + "Cards keep working until then; choose an Active model for the event with ImageModel:Bedrock:Family and ModelId.")]
    private partial void LogLegacy(string modelId, BedrockModelFamily family, string endOfLife);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bedrock model {ModelId} ({Family}) is past its end of life ({EndOfLife:yyyy-MM-dd}): "
        + "cards will likely fail. Choose an Active model with ImageModel:Bedrock:Family and ModelId.")]
    private partial void LogPastEndOfLife(string modelId, BedrockModelFamily family, DateTimeOffset? endOfLife);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bedrock denied access to model {ModelId} (foundation model {FoundationModelId}) in {Region}: {Reason}. "
        + "Grant the worker's role bedrock:GetFoundationModel and bedrock:InvokeModel on it, and enable model access in the Bedrock console.")]
    private partial void LogAccessDenied(string modelId, string foundationModelId, string region, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bedrock does not know model {ModelId} (foundation model {FoundationModelId}) in {Region}: {Reason}. "
        + "Check ImageModel:Bedrock:ModelId and Region; every card will fail with this model.")]
    private partial void LogUnknownModel(string modelId, string foundationModelId, string region, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the lifecycle of Bedrock model {ModelId}: {Reason}")]
    private partial void LogCheckFailed(string modelId, string reason);
}
