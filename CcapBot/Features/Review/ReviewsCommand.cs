using System.Globalization;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Features.Access;
using CcapBot.Localization;
using CcapBot.Persistence;

namespace CcapBot.Features.Review;

/// <summary>
/// "Reviews" (coordinators): every registration and application waiting for a decision, each as a fresh copy of its
/// review card in this conversation. It is how a coordinator who was not reachable when an item arrived (never talked
/// to the bot, or was added later) catches up; the copies are updated on the decision like the others.
/// </summary>
public sealed class ReviewsCommand(CcapDbContext db, ActorResolver actors, ReviewRequests reviews, Localizer text) : IActivityHandler
{
    public static CommandDefinition Command { get; } = new("reviews");

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            turn.SendText(text.Get(language, "Review.NotCoordinator"));
            return;
        }
        if (turn.Member.IsGroup)
        {
            // Review cards carry applicants' contact details: not for a group chat.
            turn.SendText(text.Get(language, "Review.OnlyPersonal"));
            return;
        }
        var waiting = await ReviewItem.WaitingAsync(db, cancellationToken);
        if (waiting.Count == 0)
        {
            turn.SendText(text.Get(language, "Review.NothingWaiting"));
            return;
        }
        var again = turn.Activity.Id ?? turn.Now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var reader = await Audience.ForTurnAsync(db, turn, actor, cancellationToken);
        foreach (var item in waiting) await reviews.SendCopyAsync(item, reader, again, cancellationToken);
        turn.SendText(text.Format(language, "Review.Waiting", waiting.Count));
    }
}
