using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Aspire.Hosting.ApplicationModel;
using SnapMagic.Aws;
using SnapMagic.Aws.Sqs;
using SnapMagic.Cards;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.Queueing;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>Messages that are not card jobs, put straight on the job queue: they end on the dead-letter queue and the worker keeps going.</summary>
public sealed class PoisonMessageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    internal static readonly string[] NotAJob =
    [
        "this is not a job",
        "{}",
        """{"correlationId":42}""",
        """{"correlationId":"../../etc/passwd"}""",
        "\u0001\u0002\u0003 {\"correlationId\":",
    ];

    [Fact]
    public async Task Poison_messages_go_to_the_dead_letter_queue_and_a_card_after_them_still_completes()
    {
        await using var system = await FaultSystem.StartAsync(workers: 1, new Dictionary<string, string>
        {
            // A well-formed id without a job is retried before it is set aside: keep that short.
            ["Queue__VisibilityTimeoutSeconds"] = "3",
            ["Queue__MaxReceiveCount"] = "2",
        });
        var worker = system.Service("worker-1");
        var pid = worker.Pid;
        var jobless = CorrelationIds.New();
        using (var queues = system.OpenQueues())
        {
            foreach (var body in NotAJob)
                await queues.Jobs.SendAsync(new OutgoingMessage(body));
            await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Card(jobless).ToJson()));
        }

        await using var attendee = await Attendee.LogInAsync(system);
        var card = await attendee.SubmitAsync("a card queued behind poison");
        await attendee.WaitAllCompletedAsync([card], Deadline);
        await system.WaitForJobQueueEmptyAsync(Deadline);

        // Kept for operators on the dead-letter queue (the sweeper hides what it has seen: in flight, not deleted).
        var dead = await system.WaitForQueueAsync(q => q.DeadLetters, d => d.Visible + d.InFlight == NotAJob.Length + 1,
            "every poison message on the dead-letter queue", Deadline);
        Assert.Equal(NotAJob.Length + 1, dead.Visible + dead.InFlight);
        Assert.Equal(NotAJob.Length, (await system.WaitForWorkerLinesAsync("is not a job message; moving it to the dead-letter queue", NotAJob.Length, Deadline)).Count);
        Assert.NotEmpty(system.WorkerLines($"Card {jobless}: no such job"));

        // The same worker process did it all: nothing crashed or restarted.
        Assert.Equal((KnownResourceStates.Running, pid), (worker.State, worker.Pid));
        Assert.Equal([attendee.ImageFileOf(card)], system.ImageFiles());
    }
}

/// <summary>The same poison on the AWS backend: sent with the SQS API to the card queue (fauxqs), dead-lettered by the worker.</summary>
[Collection(AwsCollection.Name)]
public sealed class AwsPoisonMessageTests(AwsSystem system)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Poison_messages_on_SQS_go_to_the_dead_letter_queue_and_a_card_after_them_still_completes()
    {
        // SQS refuses control characters in a body, so those stay an embedded-only case.
        var poison = PoisonMessageTests.NotAJob.Where(body => body.All(c => c >= ' ')).ToList();
        var workers = system.App.All.Where(s => s.Name.StartsWith("worker-", StringComparison.Ordinal)).ToList();
        var pids = workers.Select(w => w.Pid).ToList();
        using var sqs = system.Configuration.GetSection(AwsOptions.Section).Get<AwsOptions>()!.SqsClientOptions().CreateServiceClient<IAmazonSQS>();
        var queues = new SqsCardQueues(sqs, system.Configuration.GetSection(QueueOptions.Section).Get<QueueOptions>() ?? new QueueOptions());
        var before = await queues.DeadLetters.GetDepthAsync();
        foreach (var body in poison)
            await queues.Jobs.SendAsync(new OutgoingMessage(body));

        await using var attendee = await Attendee.LogInAsync(system);
        var card = await attendee.SubmitAsync("a card queued behind poison on SQS");
        await attendee.WaitAllCompletedAsync([card], Deadline);

        var deadline = DateTime.UtcNow + Deadline;
        QueueDepth dead;
        while ((dead = await queues.DeadLetters.GetDepthAsync()).Visible + dead.InFlight < before.Visible + before.InFlight + poison.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The dead-letter queue holds {dead}.{Environment.NewLine}{system.RecentOutput()}");
            await Task.Delay(100);
        }
        Assert.Equal(before.Visible + before.InFlight + poison.Count, dead.Visible + dead.InFlight);
        // A resource's console output reaches the test a little after the process wrote it.
        const string line = "is not a job message; moving it to the dead-letter queue";
        await system.App.WaitUntilAsync(() => workers.Sum(w => w.Lines(5000, line).Count) >= poison.Count, $"{poison.Count} worker lines '{line}'", Deadline);
        Assert.Equal(poison.Count, workers.Sum(w => w.Lines(5000, line).Count));
        Assert.All(workers, w => Assert.Equal(KnownResourceStates.Running, w.State));
        Assert.Equal(pids, workers.Select(w => w.Pid).ToList());
    }
}
