using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Queueing;
using SnapMagic.Worker.Polling;

namespace SnapMagic.UnitTests.Worker;

public sealed class QueuePollerTests : IAsyncDisposable
{
    private readonly ScriptedQueue _queue = new();
    private readonly TimerWatchingTimeProvider _time = new();
    private readonly BlockingWork _work = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public QueuePollerTests() => _queue.Observe = () => _work.Running;

    private QueuePoller Start(int maxInFlight, TimeSpan? receiveWait = null, TimeSpan? grace = null, IReceiveGate? gate = null)
    {
        var poller = new QueuePoller(_queue, new QueuePollerSettings
        {
            MaxInFlight = maxInFlight,
            ReceiveWait = receiveWait ?? TimeSpan.FromSeconds(10),
            MaxErrorBackoff = TimeSpan.FromSeconds(30),
            ShutdownGrace = grace ?? TimeSpan.Zero,
        }, _time, NullLogger<QueuePoller>.Instance, gate);
        _running = poller.RunAsync(_work.ProcessAsync, _stop.Token);
        return poller;
    }

    [Fact]
    public async Task It_asks_only_for_as_many_messages_as_it_has_free_slots()
    {
        Start(maxInFlight: 3);

        var first = await _queue.NextReceiveAsync();
        Assert.Equal((3, 0), (first.MaxMessages, first.Observed));
        var a = _queue.NewMessage();
        first.Return(a, _queue.NewMessage());
        var second = await _queue.NextReceiveAsync();
        Assert.Equal(1, second.MaxMessages);
        second.Return(_queue.NewMessage());
        for (var i = 0; i < 3; i++)
            await _work.NextStartedAsync();

        _work.Finish(a);

        // The next receive waits for a slot: it comes only once a message's work has ended, and asks for that one slot.
        var third = await _queue.NextReceiveAsync();
        Assert.Equal((1, 2), (third.MaxMessages, third.Observed));
    }

    [Fact]
    public async Task It_asks_for_at_most_ten_messages_per_receive()
    {
        Start(maxInFlight: 16);

        var first = await _queue.NextReceiveAsync();
        Assert.Equal(IMessageQueue.MaxMessagesPerReceive, first.MaxMessages);
        first.Return([.. Enumerable.Range(0, 10).Select(_ => _queue.NewMessage())]);

        Assert.Equal(6, (await _queue.NextReceiveAsync()).MaxMessages);
    }

    [Fact]
    public async Task After_failed_receives_it_pauses_two_then_four_seconds_and_a_successful_receive_starts_over()
    {
        Start(maxInFlight: 1, receiveWait: TimeSpan.FromSeconds(10));

        (await _queue.NextReceiveAsync()).Fail();
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.NextTimerAsync());
        Assert.False(_queue.HasPendingReceive);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await _queue.NextReceiveAsync()).Fail();
        Assert.Equal(TimeSpan.FromSeconds(4), await _time.NextTimerAsync());
        _time.Advance(TimeSpan.FromSeconds(4));
        // An empty long poll is an answer: no pause after it, and the next failure pauses 2 s again.
        (await _queue.NextReceiveAsync()).Return();
        (await _queue.NextReceiveAsync()).Fail();

        Assert.Equal(TimeSpan.FromSeconds(2), await _time.NextTimerAsync());
    }

    [Fact]
    public async Task Without_long_polling_empty_receives_pause_longer_each_time()
    {
        Start(maxInFlight: 1, receiveWait: TimeSpan.Zero);

        (await _queue.NextReceiveAsync()).Return();
        Assert.Equal(TimeSpan.FromMilliseconds(100), await _time.NextTimerAsync());
        _time.Advance(TimeSpan.FromMilliseconds(100));
        (await _queue.NextReceiveAsync()).Return();

        Assert.Equal(TimeSpan.FromMilliseconds(200), await _time.NextTimerAsync());
    }

    [Fact]
    public async Task Work_that_throws_frees_its_slot()
    {
        Start(maxInFlight: 1);
        var failing = _queue.NewMessage();
        _work.Throwing.Add(failing.MessageId);

        (await _queue.NextReceiveAsync()).Return(failing);

        var next = await _queue.NextReceiveAsync();
        Assert.Equal((1, 0), (next.MaxMessages, next.Observed));
    }

    [Fact]
    public async Task It_receives_only_when_the_gate_opens_and_no_more_than_the_gate_allows()
    {
        var gate = new ScriptedGate();
        var poller = Start(maxInFlight: 3, gate: gate);

        var turn = await gate.NextTurnAsync();
        Assert.Same(poller.InFlight, turn.InFlight);
        Assert.False(_queue.HasPendingReceive);
        turn.Allow(1);

        Assert.Equal(1, (await _queue.NextReceiveAsync()).MaxMessages);
    }

    [Fact]
    public async Task On_shutdown_in_flight_work_gets_the_grace_period_then_is_cancelled()
    {
        Start(maxInFlight: 2, grace: TimeSpan.FromSeconds(5));
        var message = _queue.NewMessage();
        (await _queue.NextReceiveAsync()).Return(message);
        await _work.NextStartedAsync();
        await _queue.NextReceiveAsync();

        await _stop.CancelAsync();

        Assert.Equal(TimeSpan.FromSeconds(5), await _time.NextTimerAsync());
        Assert.Empty(_work.Cancelled);
        Assert.False(_running!.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));
        await _running.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([message.MessageId], _work.Cancelled);
    }

    [Fact]
    public async Task On_shutdown_work_that_ends_in_the_grace_period_is_not_cancelled()
    {
        Start(maxInFlight: 1, grace: TimeSpan.FromSeconds(5));
        var message = _queue.NewMessage();
        (await _queue.NextReceiveAsync()).Return(message);
        await _work.NextStartedAsync();

        await _stop.CancelAsync();
        await _time.NextTimerAsync();
        _work.Finish(message);

        await _running!.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(_work.Cancelled);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            // Let anything still in flight end so no task outlives the test.
            _time.Advance(TimeSpan.FromDays(1));
            await _running.WaitAsync(TimeSpan.FromSeconds(20));
        }
        _stop.Dispose();
    }
}
