using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Conversations.Dialogs;

/// <summary>Dialog state lives in the database: it survives a restart, and racing turns never lose an answer.</summary>
public sealed class DialogStateTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ccapbot-state-{Guid.NewGuid():N}.db");
    private FakeConnector _connector = null!;

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        CcapBotFactory.DeleteDatabase(_file);
    }

    private CcapBotFactory Host(Action<IServiceCollection>? services = null)
    {
        var host = TestForms.Configure(new CcapBotFactory(_file) { OwnsDatabaseFile = false });
        return services is null ? host : host.WithTestServices(services);
    }

    [Fact]
    public async Task HalfFilledForm_AfterARestart_ContinuesAtTheNextQuestion()
    {
        const string conversation = "a:restart";
        await using (var before = Host())
        {
            var chat = new BotConversation(before.CreateClient(), _connector, conversation);
            await chat.SayAsync("profile");
            await chat.SayAsync("Lan Pham");
            await chat.SayAsync("lan@example.org");
        }

        await using var after = Host();
        var resumed = new BotConversation(after.CreateClient(), _connector, conversation);
        var reply = await resumed.SayAsync("English");

        Assert.Contains("Which time zone are you in?", reply.All, StringComparison.Ordinal);
        var run = (await TestForms.StateAsync(after, conversation)).Run!;
        Assert.Equal("Lan Pham", run.Answers["displayName"].GetString());
        Assert.Equal("lan@example.org", run.Answers["email"].GetString());
        Assert.Equal("en", run.Answers["language"].GetString());
    }

    [Fact]
    public async Task TwoTurnsRacingOnOneState_BothAnswersSurvive()
    {
        // Two instances on one database: A reads the state, then B commits its turn before A writes.
        const string conversation = "a:race";
        var gate = new SaveGate();
        await using var hostA = Host(s => s.ConfigureDbContext<SqliteCcapDbContext>(o => o.AddInterceptors(gate)));
        await using var hostB = Host();
        var a = new BotConversation(hostA.CreateClient(), _connector, conversation);
        var b = new BotConversation(hostB.CreateClient(), _connector, conversation);
        await b.SayAsync("start twotext");

        gate.Arm();
        var turnA = a.SayAsync("alpha");
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await b.SayAsync("beta");
        gate.Release();
        await turnA;

        var run = (await TestForms.StateAsync(hostB, conversation)).Run!;
        Assert.Equal("beta", run.Answers["first"].GetString());
        Assert.Equal("alpha", run.Answers["second"].GetString()); // A lost the race, re-ran on fresh state
        Assert.Equal(2, gate.Saves); // A's first commit failed on the version, its re-run committed
    }

    /// <summary>Holds the first armed SaveChanges until released, so another turn can commit in between.</summary>
    private sealed class SaveGate : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _saves;

        public Task Reached => _reached.Task;
        public int Saves => _saves;
        public void Arm() => _armed = 1;
        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _armed) == 1 || _reached.Task.IsCompleted) Interlocked.Increment(ref _saves);
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _reached.TrySetResult();
                await _release.Task;
            }
            return result;
        }
    }
}
