using SnapMagic.Embedded;
using SnapMagic.Feedback;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedFeedbackStoreContractTests : FeedbackStoreContractTests
{
    private readonly TemporaryDataDirectories _directories = new();

    protected override Task<IFeedbackStore> CreateStoreAsync() =>
        Task.FromResult<IFeedbackStore>(_directories.Own(new SqliteFeedbackStore(_directories.New())));

    public override Task DisposeAsync()
    {
        _directories.Dispose();
        return Task.CompletedTask;
    }
}
