using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Results;

/// <summary>
/// "Extend": a city proposes a later completion date and, if it likes, one more activity of its own. The change
/// is a new version of the action list (every agreed activity kept, with its status and history), agreed at once
/// for the proposing city; the other cities get a card to agree, and once all have, the partnership runs on.
/// </summary>
public sealed class ExtendForm(CcapDbContext db, ActorResolver actors, Audience audience, OutboxWriter outbox, TrackingCards cards, Partnering.PartneringText refusals, Localizer text) : IForm
{
    public const string Id = "extend";

    public static CommandDefinition Command { get; } = new("extend", TrackingVerbs.Extend);

    public FormDefinition Definition { get; } = new()
    {
        Id = Id,
        Fields =
        [
            Field.Date("completionDate").Check(Rules.NotInPast()),
            Field.ShortText("newActivity", maxLength: ActionListItem.MaxTitleLength).Optional(),
            Field.Date("newActivityDue").When(FieldCondition.Answered("newActivity")).Check(Rules.NotInPast()),
        ],
        Rules = [new FormRule(a => a.Date("newActivityDue") is not { } due || a.Date("completionDate") is not { } end || due <= end, "newActivityDue", "Form.extend.newActivityDue.AfterCompletion")],
    };

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var lang = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor is not { CityId: { } city, Representative: { } rep }) return text.Get(lang, "Tracking.Extend.RepresentativesOnly");
        var partnership = await FinishedPartnerships.ForExtensionAsync(db, city, cancellationToken);
        if (partnership?.CurrentActionList is not { } current) return text.Get(lang, "Tracking.Extend.NoPartnership");

        var activities = partnership.LiveActivities
            .Select(a => new ActivityDraft(a.Title, a.Description, a.OwnerCityId, a.DueDate, a.TemplateActivityId, RevisesNumber: a.Number))
            .ToList();
        if (answers.Text("newActivity") is { Length: > 0 } title && answers.Date("newActivityDue") is { } due)
            activities.Add(new ActivityDraft(title, null, city, due));
        var draft = new ActionListDraft(activities, answers.Date("completionDate")!.Value, current.Number);
        var who = PartnershipActor.ForRepresentative(rep, actor.UserId);
        ActionListVersion version;
        try
        {
            version = partnership.ProposeActionList(who, draft, turn.Today, turn.Now);
            // Proposing is agreeing, for the proposer's own city.
            partnership.AgreeActionList(who, version.Number, turn.Now);
        }
        catch (DomainRuleException e)
        {
            return refusals.Refusal(e.Violations, lang);
        }
        Audit.Record(db, actor, turn.Now, "actionlist.extend", "Partnership", partnership.Id);
        if (version.Status == ActionListStatus.Agreed) return text.Format(lang, "Tracking.Extend.Agreed", cards.Date(lang, version.CompletionDate));

        // The other cities agree on a card.
        var others = partnership.Cities.Select(c => c.CityId).Where(c => c != city).ToList();
        var recipients = await audience.RepresentativesAsync(db, others, cancellationToken);
        var labels = await PartnershipLabel.LoadAsync(db, [partnership.Id], cancellationToken);
        var requests = recipients.Select(to =>
        {
            var l = to.Language;
            var facts = new List<CardFact>
            {
                new(text.Get(l, "Tracking.Extend.Fact.Completion"), $"{(partnership.CompletionDate is { } old ? cards.Date(l, old) : "—")} → {cards.Date(l, version.CompletionDate)}"),
            };
            foreach (var added in version.Items.Where(i => i.Revises is null))
                facts.Add(new(text.Get(l, "Tracking.Extend.Fact.NewActivity"), $"{cards.ActivityHeading(l, added.Number, added.Title)} · {cards.Date(l, added.DueDate)}"));
            var card = cards.Notice(new NoticeCardData
            {
                Title = text.Get(l, "Tracking.Extend.Title"),
                Text = text.Format(l, "Tracking.Extend.Text", rep.City?.Name ?? "", labels.GetValueOrDefault(partnership.Id)?.Name(l) ?? ""),
                Facts = facts,
                Actions = [new(text.Get(l, "Tracking.Extend.Agree"), TrackingVerbs.AgreeExtension, $"{partnership.Id}:{version.Number}")],
            }, to.UniversalActions);
            return new OutboxRequest($"extension:{partnership.Id}:{version.Number}:{to.Key}", to.Target, TrackingCards.Message(card, l), to.Hours.NextSlot(turn.Now) ?? turn.Now, Topics.Partnership(partnership.Id));
        }).ToList();
        await outbox.EnqueueManyAsync(db, requests, cancellationToken);
        return text.Format(lang, "Tracking.Extend.Proposed", cards.Date(lang, version.CompletionDate));
    }
}

/// <summary>"Agree" on an extension card: the representative agrees for their city; the last agreement puts the new list in force.</summary>
public sealed class AgreeExtensionHandler(CcapDbContext db, ActorResolver actors, TrackingCards cards) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var parts = TrackingTurns.Arg(turn)?.Split(':');
        var partnershipId = TrackingTurns.Number(parts?.ElementAtOrDefault(0));
        var versionNumber = TrackingTurns.Number(parts?.ElementAtOrDefault(1));
        var partnership = partnershipId is { } id ? await db.Partnerships.WithAggregate().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (partnership is null || versionNumber is not { } number || actor is not { Representative: { } rep, CityId: { } city } || !partnership.Includes(city))
        {
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.NotYourPartnership"));
            return;
        }
        bool inForce;
        try
        {
            inForce = partnership.AgreeActionList(PartnershipActor.ForRepresentative(rep, actor.UserId), number, turn.Now);
        }
        catch (DomainRuleException)
        {
            TrackingTurns.Say(turn, cards.Get(lang, "Tracking.Extend.NoLongerOpen"));
            return;
        }
        Audit.Record(db, actor, turn.Now, "actionlist.agree", "Partnership", partnership.Id);
        var outcome = inForce
            ? cards.Format(lang, "Tracking.Extend.Agreed", cards.Date(lang, partnership.CompletionDate ?? turn.Today))
            : cards.Get(lang, "Tracking.Extend.AgreedWaiting");
        TrackingTurns.Replace(turn, cards.Notice(new NoticeCardData { Title = cards.Get(lang, "Tracking.Extend.Title"), Outcome = outcome }, turn.SupportsUniversalActions));
    }
}
