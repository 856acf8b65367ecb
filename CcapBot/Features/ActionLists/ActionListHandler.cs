using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.ActionLists;

/// <summary>
/// "action list" (or "action list 7"): for a coordinator or a representative of the partnership's cities. Shows the
/// list waiting for agreement or the agreed one, or starts one from a reviewed template or from scratch; the card
/// editor proposes it (checked against every C3 rule: refused lists come back with the reasons, nothing stored);
/// each city agrees on the card, and when all have the partnership is active. Changes after agreement are a new
/// version that needs everyone's agreement again; earlier versions are kept.
/// </summary>
public sealed partial class ActionListHandler(
    CcapDbContext db, ActorResolver actors, Audience audience, ActionListEditor editor, ActionListCards listCards,
    PartnershipNotices notices, CardBinder cards, PartneringText text, ILogger<ActionListHandler> log) : IActivityHandler
{
    private static readonly PartnershipStatus[] Listable =
        [PartnershipStatus.Confirmed, PartnershipStatus.LaunchScheduled, PartnershipStatus.ActionListProposed, PartnershipStatus.Active, PartnershipStatus.Completed];

    public static CommandDefinition Command { get; } = new("actionList", TakesNumber: true);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var reader = await Audience.ForTurnAsync(db, turn, actor, cancellationToken);
        var language = reader.Language;
        var inputs = CardInputs.Of(turn.SubmitData);
        var isCardAction = turn.Verb is not null && ActionListVerbs.All.Contains(turn.Verb);

        var partnershipId = isCardAction ? inputs.Number("partnership") : turn.CommandNumber;
        if (partnershipId is null)
        {
            await ChooseAsync(turn, actor, reader, cancellationToken);
            return;
        }
        var partnership = await PartnershipContext.LoadAsync(db, partnershipId.Value, cancellationToken);
        if (partnership is null)
        {
            CardReply.Say(turn, text.Format(language, "Partnering.NoPartnership", partnershipId));
            return;
        }
        var p = partnership.Partnership;
        // Agreeing is checked by the domain (a city's representative only); the rest is for people of the partnership.
        var mayEdit = actor.IsCoordinator || (actor.CityId is { } cityId && p.Includes(cityId));
        if (!mayEdit && turn.Verb is not (ActionListVerbs.Agree or ActionListVerbs.Refresh))
        {
            CardReply.Say(turn, text.Refusal([new RuleViolation(DomainRule.NotAParticipant)], language));
            return;
        }

        var today = reader.OwnZone is { } zone ? DateOnly.FromDateTime(ZonedTime.InZone(turn.Now, zone).DateTime) : turn.Today;
        switch (turn.Verb)
        {
            case ActionListVerbs.Start:
                await StartAsync(turn, reader, partnership, inputs, today, cancellationToken);
                break;
            case ActionListVerbs.AddRow:
                CardReply.Replace(turn, editor.Render(partnership, ActionListEditor.WithRow(ActionListEditor.Read(inputs), partnership, today), reader));
                break;
            case ActionListVerbs.Propose:
                await ProposeAsync(turn, actor, reader, partnership, ActionListEditor.Read(inputs), today, cancellationToken);
                break;
            case ActionListVerbs.Agree:
                await AgreeAsync(turn, actor, reader, partnership, inputs.Number("version") ?? 0, cancellationToken);
                break;
            case ActionListVerbs.Change when inputs.Number("version") is { } number && p.FindActionList(number) is { } version:
                CardReply.Send(turn, editor.Render(partnership, ActionListEditor.FromVersion(partnership, version), reader), text.Get(language, "Partnering.Shown"));
                break;
            case ActionListVerbs.Refresh when inputs.Number("version") is { } number && p.FindActionList(number) is { } version:
                CardReply.Replace(turn, await RenderAsync(partnership, version, reader, cancellationToken));
                break;
            default:
                await OpenAsync(turn, reader, partnership, cancellationToken);
                break;
        }
    }

    /// <summary>The list waiting for agreement, else the agreed one, else the start of a new one.</summary>
    private async Task OpenAsync(TurnContext turn, Recipient reader, PartnershipContext partnership, CancellationToken cancellationToken)
    {
        var p = partnership.Partnership;
        var shown = text.Get(reader.Language, "Partnering.Shown");
        if ((p.PendingActionList ?? p.CurrentActionList) is { } version)
        {
            CardReply.Send(turn, await RenderAsync(partnership, version, reader, cancellationToken), shown);
            return;
        }
        if (!Listable.Contains(p.Status))
        {
            CardReply.Say(turn, text.Refusal([new RuleViolation(DomainRule.NotAllowedInStatus)], reader.Language));
            return;
        }
        CardReply.Send(turn, editor.StartCard(partnership, await ReviewedTemplatesAsync(cancellationToken), reader), shown);
    }

    private async Task StartAsync(TurnContext turn, Recipient reader, PartnershipContext partnership, CardInputs inputs, DateOnly today, CancellationToken cancellationToken)
    {
        EditorDraft draft;
        if (!inputs.Flag("scratch", absent: false) && inputs.Number("template") is { } templateId
            && (await ReviewedTemplatesAsync(cancellationToken)).FirstOrDefault(t => t.Id == templateId) is { } template)
            draft = ActionListEditor.FromTemplate(partnership, template, reader.Language, today) with { BasedOn = partnership.Partnership.CurrentActionList?.Number };
        else
            draft = ActionListEditor.Blank(partnership, today);
        CardReply.Replace(turn, editor.Render(partnership, draft, reader));
    }

    private async Task ProposeAsync(TurnContext turn, Actor actor, Recipient reader, PartnershipContext partnership, EditorDraft draft, DateOnly today, CancellationToken cancellationToken)
    {
        var language = reader.Language;
        var parsed = editor.Parse(draft, language);
        if (parsed.Draft is null)
        {
            var reasons = parsed.RowProblems.OrderBy(r => r.Key).Select(r => text.Format(language, "Partnering.Rule.ForActivity", r.Key, r.Value))
                .Concat(parsed.Problem is { } problem ? [problem] : []);
            CardReply.Replace(turn, editor.Render(partnership, draft, reader, text.Format(language, "Partnering.Refused", string.Join("\n", reasons)), parsed.RowProblems));
            return;
        }
        var p = partnership.Partnership;
        var replaced = p.PendingActionList;
        ActionListVersion version;
        try
        {
            version = p.ProposeActionList(actor.ForPartnership(), parsed.Draft, today, turn.Now);
        }
        catch (DomainRuleException e)
        {
            LogRefused(log, partnership.Id, e.Violations.Count);
            var rowErrors = e.Violations.Where(v => v.ActivityNumber is not null)
                .GroupBy(v => parsed.RowOf(v.ActivityNumber!.Value))
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(v => text.RuleMessage(v.Rule, language))));
            CardReply.Replace(turn, editor.Render(partnership, draft, reader, text.Refusal(e.Violations, language, parsed.RowOf), rowErrors));
            return;
        }

        Audit.Record(db, actor, turn.Now, "actionlist.proposed", nameof(Partnership), partnership.Id, Details(version));
        await listCards.PublishAsync(db, partnership, version, reader, cancellationToken);
        if (replaced is not null) await listCards.UpdateCopiesAsync(db, partnership, replaced, cancellationToken);
        LogProposed(log, partnership.Id, version.Number, version.Items.Count);
        CardReply.Replace(turn, Proposed(partnership, version, reader));
    }

    private async Task AgreeAsync(TurnContext turn, Actor actor, Recipient reader, PartnershipContext partnership, int versionNumber, CancellationToken cancellationToken)
    {
        var p = partnership.Partnership;
        var previous = p.CurrentActionList;
        bool completed;
        try
        {
            completed = p.AgreeActionList(actor.ForPartnership(), versionNumber, turn.Now);
        }
        catch (DomainRuleException e)
        {
            LogRefused(log, partnership.Id, e.Violations.Count);
            CardReply.Say(turn, text.Refusal(e.Violations, reader.Language));
            return;
        }
        var version = p.FindActionList(versionNumber)!;
        Audit.Record(db, actor, turn.Now, completed ? "actionlist.agreed" : "actionlist.agreement", nameof(Partnership), partnership.Id, Details(version));
        await listCards.PublishAsync(db, partnership, version, coordinator: null, cancellationToken);
        if (completed)
        {
            if (previous is not null && previous.Number != version.Number) await listCards.UpdateCopiesAsync(db, partnership, previous, cancellationToken);
            await notices.ActiveAsync(db, partnership, cancellationToken);
            LogAgreed(log, partnership.Id, version.Number);
        }
        CardReply.Replace(turn, await RenderAsync(partnership, version, reader, cancellationToken));
    }

    /// <summary>A coordinator's partnerships, or a representative's city's: one opens at once, several are listed.</summary>
    private async Task ChooseAsync(TurnContext turn, Actor actor, Recipient reader, CancellationToken cancellationToken)
    {
        var language = reader.Language;
        if (!actor.IsCoordinator && actor.CityId is null)
        {
            CardReply.Say(turn, text.Refusal([new RuleViolation(DomainRule.NotAParticipant)], language));
            return;
        }
        var cityId = actor.IsCoordinator ? (int?)null : actor.CityId;
        var ids = await db.Partnerships.AsNoTracking()
            .Where(p => Listable.Contains(p.Status) && (cityId == null || p.Cities.Any(c => c.CityId == cityId)))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToListAsync(cancellationToken);
        if (ids.Count == 1 && await PartnershipContext.LoadAsync(db, ids[0], cancellationToken) is { } only)
        {
            await OpenAsync(turn, reader, only, cancellationToken);
            return;
        }
        var items = new List<NoticeItem>();
        foreach (var id in ids)
        {
            if (await PartnershipContext.LoadAsync(db, id, cancellationToken) is not { } partnership) continue;
            items.Add(new NoticeItem(
                text.Format(language, "Partnering.PartnershipChoice", id, partnership.CityName(partnership.Partnership.MentorCityId),
                    string.Join(", ", partnership.Partnership.LearningCityIds.Select(partnership.CityName))),
                partnership.CategoryName(language) + " · " + text.Status(partnership.Partnership.Status, language),
                [new CardButton(text.Get(language, "Command.actionList.Title"), ActionListVerbs.Open, Partnership: id)]));
        }
        var data = new NoticeCardData
        {
            Title = text.Get(language, "ActionList.Choose.Title"),
            Text = items.Count == 0 ? text.Get(language, "ActionList.Choose.None") : "",
            Items = items,
        };
        CardReply.Send(turn, cards.Bind(NoticeCardData.Template, data, NoticeJsonContext.Default.NoticeCardData, reader.UniversalActions),
            text.Get(language, "Partnering.Shown"));
    }

    private async Task<JsonElement> RenderAsync(PartnershipContext partnership, ActionListVersion version, Recipient reader, CancellationToken cancellationToken)
    {
        var holders = await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken);
        return listCards.Render(partnership, version, reader, LaunchMeetings.LaunchMeetingCards.TeamsUsers(holders.Append(reader)));
    }

    private JsonElement Proposed(PartnershipContext partnership, ActionListVersion version, Recipient reader)
    {
        var language = reader.Language;
        var data = new NoticeCardData
        {
            Title = text.Format(language, "ActionList.Proposed.Title", version.Number, partnership.Id),
            Text = text.Format(language, "ActionList.Proposed.Text", version.Items.Count, text.Date(version.CompletionDate, language)),
            Color = "Good",
            Note = text.Get(language, "ActionList.Proposed.Next"),
        };
        return cards.Bind(NoticeCardData.Template, data, NoticeJsonContext.Default.NoticeCardData, reader.UniversalActions);
    }

    private Task<List<ActionListTemplate>> ReviewedTemplatesAsync(CancellationToken cancellationToken) =>
        db.ActionListTemplates.AsNoTracking().Include(t => t.Activities).Where(t => t.Reviewed).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    private static JsonElement Details(ActionListVersion version) => JsonSerializer.SerializeToElement(new Dictionary<string, string>
    {
        ["version"] = version.Number.ToString(CultureInfo.InvariantCulture),
        ["activities"] = version.Items.Count.ToString(CultureInfo.InvariantCulture),
        ["completion"] = version.CompletionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }, PartneringJsonContext.Default.DictionaryStringString);

    [LoggerMessage(EventId = 7120, Level = LogLevel.Information, Message = "Action list version {Version} proposed for partnership {PartnershipId} ({Count} activities)")]
    private static partial void LogProposed(ILogger logger, int partnershipId, int version, int count);

    [LoggerMessage(EventId = 7121, Level = LogLevel.Information, Message = "Action list version {Version} of partnership {PartnershipId} agreed by every city")]
    private static partial void LogAgreed(ILogger logger, int partnershipId, int version);

    [LoggerMessage(EventId = 7122, Level = LogLevel.Information, Message = "Action list change for partnership {PartnershipId} refused ({Count} rule(s))")]
    private static partial void LogRefused(ILogger logger, int partnershipId, int count);
}
