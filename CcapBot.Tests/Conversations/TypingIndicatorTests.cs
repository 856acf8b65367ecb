using System.Text;
using CcapBot.Conversations;
using CcapBot.Hosting;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Conversations;

public sealed class TypingIndicatorTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CcapBotFactory _bot = new();
    private readonly TurnGate _gate = new();

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData(ActivityTypes.Message, "personal", 1, true)]
    [InlineData(ActivityTypes.Message, "groupChat", 1, true)]
    [InlineData(ActivityTypes.Message, "channel", 1, false)]
    [InlineData(ActivityTypes.Invoke, "personal", 1, false)]
    [InlineData(ActivityTypes.Message, "personal", 0, false)]
    public void ShowsTyping_OnlyForMessages_OutsideChannelThreads(string type, string conversationType, int delaySeconds, bool expected)
    {
        var activity = new Activity { Type = type, Conversation = new ConversationAccount { Id = "c", ConversationType = conversationType } };
        Assert.Equal(expected, TurnPipeline.ShowsTyping(activity, TimeSpan.FromSeconds(delaySeconds)));
    }

    [Fact]
    public async Task SlowTurn_SendsTyping_AfterTheDelay_ThenTheReply()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _bot.Clock = clock;
        var client = _bot.With("Turns:TypingDelay", "00:00:01").WithTestServices(s =>
        {
            s.AddRoutes(new RouteTable().Message<GatedHandler>());
            s.AddSingleton(_gate);
        }).CreateClient();

        var post = client.PostAsync("/api/messages", new StringContent(ActivityBuilder.Message("slow").To(_connector.ServiceUrl).Json(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await _gate.Started.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(_connector.Calls, c => c.Activity?.Type == ActivityTypes.Typing); // not before the delay

        clock.Advance(TimeSpan.FromSeconds(1));
        var typing = await _connector.WaitForAsync(1, c => c.Activity?.Type == ActivityTypes.Typing);
        _gate.Release();
        await post;

        Assert.Equal("29:user-1", typing[0].Activity!.Recipient!.Id);
        var reply = await _connector.WaitForAsync(1, c => c.Activity?.Text == "done");
        Assert.Single(reply);
    }

    public sealed class TurnGate
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Started => _started.Task;
        public void Release() => _release.TrySetResult();

        public async Task RunAsync()
        {
            _started.TrySetResult();
            await _release.Task;
        }
    }

    public sealed class GatedHandler(TurnGate gate) : IActivityHandler
    {
        public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            await gate.RunAsync();
            turn.SendText("done");
        }
    }
}
