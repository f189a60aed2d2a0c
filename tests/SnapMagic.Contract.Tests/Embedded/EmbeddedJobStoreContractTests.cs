using SnapMagic.Embedded;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedJobStoreContractTests : JobStoreContractTests
{
    private readonly TemporaryDataDirectories _directories = new();

    protected override Task<IJobStore> CreateStoreAsync() =>
        Task.FromResult<IJobStore>(_directories.Own(new SqliteJobStore(_directories.New())));

    [Fact]
    public async Task The_embedded_store_always_knows_how_many_are_queued_ahead()
    {
        var ahead = await QueuedAheadOfThreeAsync(await CreateStoreAsync());

        Assert.Equal(new long?[] { 0, 1, 2 }, ahead);
    }

    public override Task DisposeAsync()
    {
        _directories.Dispose();
        return Task.CompletedTask;
    }
}
