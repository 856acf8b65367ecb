using System.Text;
using CcapBot.Conversations;
using CcapBot.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CcapBot.Tests.Conversations;

public sealed class TurnPipelineTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CcapBotFactory _bot = new();

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task TwoConcurrentActivities_InOneConversation_RunOneAfterTheOther()
    {
        var probe = new OverlapProbe();
        var app = _bot.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton(new RouteTable().Message<SlowHandler>()));
            s.AddSingleton(probe);
            s.AddScoped<SlowHandler>();
        }));
        var client = app.CreateClient();

        var posts = Enumerable.Range(0, 4).Select(i => client.PostAsync("/api/messages",
            new StringContent(ActivityBuilder.Message($"m{i}").To(_connector.ServiceUrl).Json(), Encoding.UTF8, "application/json")));
        await Task.WhenAll(posts);

        Assert.Equal(4, probe.Completed);
        Assert.Equal(1, probe.MaxConcurrent);
        var member = await _bot.QueryAsync(db => db.ConversationMembers.SingleAsync());
        Assert.Equal(4, member.Version);
    }

    [Fact]
    public async Task ActivitiesInDifferentConversations_RunInParallel()
    {
        var probe = new OverlapProbe();
        var app = _bot.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton(new RouteTable().Message<SlowHandler>()));
            s.AddSingleton(probe);
            s.AddScoped<SlowHandler>();
        }));
        var client = app.CreateClient();

        var posts = Enumerable.Range(0, 3).Select(i => client.PostAsync("/api/messages",
            new StringContent(ActivityBuilder.Message("x").InConversation($"a:conv-{i}").To(_connector.ServiceUrl).Json(), Encoding.UTF8, "application/json")));
        await Task.WhenAll(posts);

        Assert.True(probe.MaxConcurrent > 1, $"max concurrent {probe.MaxConcurrent}");
    }

    [Fact]
    public async Task HandlerThatThrows_LeavesAnApology_AndAClearedDialog()
    {
        var app = _bot.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton(new RouteTable().Message<ThrowingHandler>()));
            s.AddScoped<ThrowingHandler>();
        }));
        var client = app.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(ActivityBuilder.Message("boom").To(_connector.ServiceUrl).Json(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        var calls = await _connector.WaitForAsync(1);
        Assert.StartsWith("Sorry", calls[0].Activity!.Text, StringComparison.Ordinal);
        var member = await _bot.QueryAsync(db => db.ConversationMembers.SingleAsync());
        Assert.Null(member.DialogState);
    }

    public sealed class OverlapProbe
    {
        private int _current;
        private int _max;
        private int _completed;
        public int MaxConcurrent => _max;
        public int Completed => _completed;

        public async Task RunAsync()
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while ((seen = _max) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen) { }
            await Task.Delay(150);
            Interlocked.Decrement(ref _current);
            Interlocked.Increment(ref _completed);
        }
    }

    public sealed class SlowHandler(OverlapProbe probe) : IActivityHandler
    {
        public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            await probe.RunAsync();
            turn.SendText("done");
        }
    }

    public sealed class ThrowingHandler : IActivityHandler
    {
        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            turn.Member.DialogState = "{\"half\":true}";
            throw new InvalidOperationException("boom");
        }
    }
}
