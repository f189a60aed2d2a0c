using Microsoft.Extensions.Options;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>
/// Once at start-up, asks Bedrock's control plane (GetFoundationModel) about the configured model and says in the
/// log whether cards can be painted with it: a warning when it is Legacy or past its end of life, an error when
/// access is denied or the model is unknown. The same verdict goes to <see cref="ModelLifecycleCheckResult"/>, which
/// the worker's <c>/health</c> reports (Degraded unless the model is Active). It runs beside start-up and never stops
/// it: the image model's own failures still reach attendees through the usual outcomes.
/// </summary>
public sealed partial class ModelLifecycleCheck(
    IServiceProvider services,
    IOptions<BedrockOptions> options,
    TimeProvider time,
    ModelLifecycleCheckResult result,
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
            var endOfLife = lifecycle.EndOfLifeTime?.ToString("yyyy-MM-dd") ?? "not announced";
            if (lifecycle.IsPastEndOfLife(time.GetUtcNow()))
            {
                LogPastEndOfLife(modelId, settings.Family, lifecycle.EndOfLifeTime);
                result.Degraded($"Bedrock model {modelId} is past its end of life ({endOfLife}): cards will likely fail. {ChooseActiveModel}");
            }
            else if (lifecycle.IsLegacy)
            {
                LogLegacy(modelId, settings.Family, endOfLife);
                result.Degraded($"Bedrock model {modelId} is Legacy (end of life {endOfLife}). {ChooseActiveModel}");
            }
            else
            {
                LogActive(modelId, settings.Family, lifecycle.Status);
                result.Healthy($"Bedrock model {modelId} is {lifecycle.Status}.");
            }
        }
        catch (BedrockException ex) when (ex.ErrorType == "AccessDeniedException" || ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            LogAccessDenied(modelId, foundationModelId, settings.Region, ex.ServiceMessage);
            result.Degraded($"Bedrock denied access to model {modelId} in {settings.Region}: {ex.ServiceMessage}");
        }
        catch (BedrockException ex) when (ex.ErrorType is "ResourceNotFoundException" or "ValidationException" || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            LogUnknownModel(modelId, foundationModelId, settings.Region, ex.ServiceMessage);
            result.Degraded($"Bedrock does not know model {modelId} in {settings.Region}: every card will fail with it.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(modelId, ex.Message);
            result.Degraded($"Could not check the lifecycle of Bedrock model {modelId}: {ex.Message}");
        }
    }

    private const string ChooseActiveModel = "Choose an Active model with ImageModel:Bedrock:Family and ModelId.";

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
