using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.StatusUpdates;

/// <summary>"My activities": the activities of the active partnerships of the person's city (a coordinator: of every active one).</summary>
public sealed class MyActivitiesHandler(CcapDbContext db, ActorResolver actors, TrackingCards cards) : IActivityHandler
{
    public static CommandDefinition Command { get; } = new("activities", TrackingVerbs.MyActivities);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var lang = turn.Language;
        var partnerships = db.Partnerships.AsNoTracking().Where(p => p.Status == PartnershipStatus.Active);
        if (actor.CityId is { } city) partnerships = partnerships.Where(p => p.Cities.Any(c => c.CityId == city));
        else if (!actor.IsCoordinator)
        {
            turn.SendText(cards.Get(lang, "Tracking.Activities.NotARepresentative"));
            return;
        }
        var ids = await partnerships.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        turn.SendCard(await ActivityOverview.CardAsync(db, cards, lang, turn.Today, turn.SupportsUniversalActions, ids, cards.Get(lang, "Tracking.Activities.Title"), cancellationToken));
    }
}

/// <summary>"Open" on a reminder: that partnership's activities, for its participants and coordinators.</summary>
public sealed class OpenPartnershipHandler(CcapDbContext db, ActorResolver actors, TrackingCards cards) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var id = TrackingTurns.Number(TrackingTurns.Arg(turn));
        var partnership = id is { } pid ? await db.Partnerships.AsNoTracking().Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == pid, cancellationToken) : null;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (partnership is null || !TrackingTurns.MayAct(actor, partnership))
        {
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.NotYourPartnership"));
            return;
        }
        var card = await ActivityOverview.CardAsync(db, cards, lang, turn.Today, turn.SupportsUniversalActions, [partnership.Id], cards.Get(lang, "Tracking.Activities.OneTitle"), cancellationToken);
        // The reminder stays as it was (its Snooze buttons still work); the overview comes as a new message.
        if (turn.Activity.Type == Protocol.Schema.ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Message(cards.Get(lang, "Tracking.Activities.Sent"));
        turn.SendCard(card);
    }
}
