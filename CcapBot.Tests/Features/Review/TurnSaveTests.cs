using CcapBot.Conversations;
using CcapBot.Domain;
using CcapBot.Features.Review;
using CcapBot.Hosting;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Review;

/// <summary>
/// A feature that saves mid-turn for generated ids (a review card names its registration) still changes the database
/// once or not at all: the pipeline commits that save with the turn, and a turn that fails after it leaves nothing.
/// </summary>
public sealed class TurnSaveTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new()
    {
        Configure = bot => bot.WithTestServices(s => s.AddRoutes(Routes.Build().Verb<SaveThenHandler>(SaveThenHandler.Commit).Verb<SaveThenHandler>(SaveThenHandler.Fail))),
    });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData(SaveThenHandler.Commit, 1)]
    [InlineData(SaveThenHandler.Fail, 0)]
    public async Task AMidTurnSave_CommitsWithTheTurn_OrNotAtAll(string verb, int grants)
    {
        var chat = _bot.Chat(new Person("29:user-1", "a:turn-save"));

        var reply = await chat.SubmitAsync(new { verb });

        Assert.Equal(grants, await _bot.QueryAsync(db => db.CoordinatorGrants.CountAsync()));
        Assert.Equal(grants, await _bot.QueryAsync(db => db.AuditEntries.CountAsync()));
        if (grants == 0) Assert.Contains("Sorry, something went wrong on my side.", reply.All, StringComparison.Ordinal);
        else Assert.Contains("saved 1", reply.All, StringComparison.Ordinal);
    }
}

/// <summary>Adds a row, saves for its id, adds a row naming it; then the turn ends well, or throws.</summary>
public sealed class SaveThenHandler(CcapDbContext db) : IActivityHandler
{
    public const string Commit = "test.save-then-commit";
    public const string Fail = "test.save-then-fail";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var grant = db.CoordinatorGrants.Add(new CoordinatorGrant { Identity = "dl_0f8fad5b-d9cb-469f-a165-70867728950e", GrantedBy = "test", GrantedAt = turn.Now }).Entity;
        await TurnSave.SaveForIdsAsync(db, cancellationToken);
        db.AuditEntries.Add(new AuditEntry { At = turn.Now, Actor = "test", Action = "test", EntityType = "CoordinatorGrant", EntityId = grant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (turn.Verb == Fail) throw new InvalidOperationException("The turn fails after its mid-turn save.");
        turn.SendText($"saved {grant.Id}");
    }
}
