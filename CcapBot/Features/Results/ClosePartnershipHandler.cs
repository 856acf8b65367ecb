using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Results;

/// <summary>
/// "Close partnership N" (coordinators): ends an active or completed partnership. Check-ins and reminders still
/// waiting are not sent, and both cities get the recognition card, asking for their results and offering to extend
/// or to start a new area.
/// </summary>
public sealed class ClosePartnershipHandler(CcapDbContext db, ActorResolver actors, ActivityChanges changes, TrackingCards cards, Partnering.PartneringText refusals)
    : IActivityHandler
{
    public static CommandDefinition Command { get; } = new("closepartnership", TakesNumber: true);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            turn.SendText(cards.Get(lang, "Tracking.Close.CoordinatorsOnly"));
            return;
        }
        if (turn.CommandNumber is not { } id)
        {
            turn.SendText(cards.Get(lang, "Tracking.Close.WhichOne"));
            return;
        }
        if (await db.Partnerships.WithAggregate().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } partnership)
        {
            turn.SendText(cards.Format(lang, "Tracking.Close.NotFound", id));
            return;
        }
        try
        {
            partnership.Close(PartnershipActor.Coordinator(actor.UserId), reason: null, turn.Now);
        }
        catch (DomainRuleException e)
        {
            turn.SendText(refusals.Refusal(e.Violations, lang));
            return;
        }
        Audit.Record(db, actor, turn.Now, "partnership.closed", nameof(Partnership), partnership.Id);
        await changes.EndedAsync(partnership, turn.Now, cancellationToken);
        turn.SendText(cards.Format(lang, "Tracking.Close.Done", id));
    }
}
