using SnapMagic.Embedded;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedQueueContractTests : QueueContractTests
{
    private readonly TemporaryDataDirectories _directories = new();

    protected override Task<ICardQueues> CreateQueuesAsync(QueueOptions options) =>
        Task.FromResult<ICardQueues>(_directories.Own(new SqliteCardQueues(_directories.New(), options)));

    public override Task DisposeAsync()
    {
        _directories.Dispose();
        return Task.CompletedTask;
    }
}
