using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;

namespace CcapBot.Features.ActionLists;

/// <summary>
/// The card editor of an action list. The draft lives in the card itself: every button sends all rows back (title,
/// description, owner city, due date, whether to include it) with where each row came from (a template activity,
/// or the agreed activity it changes), and the editor is drawn again from that. Nothing is stored until the list
/// is proposed, when the domain checks every rule.
/// </summary>
public sealed class ActionListEditor(CardBinder cards, PartneringText text)
{
    public const string Template = "action-list-editor";
    public const string StartTemplate = "action-list-start";
    /// <summary>Rows the editor holds: more than the rule allows, so that the rule, not the editor, says what is too many.</summary>
    public const int MaxRows = 12;
    public const int BlankRows = ActionListRules.MinActivities;

    /// <summary>"Start from a reviewed template or from scratch": the partnership's area first.</summary>
    public JsonElement StartCard(PartnershipContext partnership, IReadOnlyList<ActionListTemplate> templates, Recipient reader)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var ordered = templates.OrderBy(t => t.CategoryCode == partnership.Partnership.CategoryCode ? 0 : 1).ThenBy(t => t.Id).ToList();
        var data = new StartCardData
        {
            Title = text.Format(language, "ActionList.Start.Title", partnership.Id),
            Intro = text.Format(language, "ActionList.Start.Intro", partnership.Pair, ActionListRules.MinActivities, ActionListRules.MaxActivities),
            TemplateLabel = text.Get(language, "ActionList.Start.Template"),
            Templates = [.. ordered.Select(t => new CardOption(text.Format(language, "ActionList.Start.TemplateChoice", t.Title(language), t.Activities.Count),
                t.Id.ToString(CultureInfo.InvariantCulture)))],
            Template = ordered.FirstOrDefault()?.Id.ToString(CultureInfo.InvariantCulture),
            UseLabel = text.Get(language, "ActionList.Start.Use"),
            ScratchLabel = text.Get(language, "ActionList.Start.Scratch"),
            Partnership = partnership.Id,
        };
        return cards.Bind(StartTemplate, data, ActionListCardsJsonContext.Default.StartCardData, reader.UniversalActions);
    }

    /// <summary>The template's activities in the reader's language, owned by the (first) learning city, due a month apart.</summary>
    public static EditorDraft FromTemplate(PartnershipContext partnership, ActionListTemplate template, string language, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(template);
        var owner = partnership.Partnership.LearningCityIds.First();
        var rows = template.Activities.OrderBy(a => a.Order).Select((a, i) => new EditorRow(
            i + 1, true, a.Title(language), a.Description(language), Id(owner), Day(today.AddMonths(i + 1)), a.Id, null)).ToList();
        return new EditorDraft(rows, Day(today.AddMonths(Math.Max(rows.Count, 1))), null);
    }

    public static EditorDraft Blank(PartnershipContext partnership, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var owner = partnership.Partnership.LearningCityIds.First();
        var rows = Enumerable.Range(1, BlankRows).Select(i => new EditorRow(i, true, null, null, Id(owner), Day(today.AddMonths(i)), null, null)).ToList();
        return new EditorDraft(rows, Day(today.AddMonths(BlankRows)), partnership.Partnership.CurrentActionList?.Number);
    }

    /// <summary>
    /// A version's activities to change: each row keeps the agreed activity it stands for (so its status and history
    /// carry over), and the proposal is based on the list agreed now.
    /// </summary>
    public static EditorDraft FromVersion(PartnershipContext partnership, ActionListVersion version)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(version);
        var p = partnership.Partnership;
        var rows = version.Items.OrderBy(i => i.Number).Select(item =>
        {
            // An agreed list's items are the live activities, by number; a proposal names what it revises.
            int? revises = version.Status == ActionListStatus.Agreed
                ? p.FindActivity(item.Number)?.Number
                : p.LiveActivities.FirstOrDefault(a => a.Id == item.RevisesActivityId)?.Number;
            return new EditorRow(item.Number, true, item.Title, item.Description, Id(item.OwnerCityId), Day(item.DueDate), item.TemplateActivityId, revises);
        }).ToList();
        return new EditorDraft(rows, Day(version.CompletionDate), p.CurrentActionList?.Number);
    }

    /// <summary>The draft as the card sent it back.</summary>
    public static EditorDraft Read(CardInputs inputs)
    {
        var origins = inputs.List("origins");
        var rows = new List<EditorRow>();
        for (var i = 1; i <= Math.Min(origins.Count, MaxRows); i++)
        {
            var (template, revises) = Origin(origins[i - 1]);
            rows.Add(new EditorRow(i, inputs.Flag($"a{i}_keep", absent: true), inputs.Text($"a{i}_title"), inputs.Text($"a{i}_desc"),
                inputs.Text($"a{i}_owner"), inputs.Text($"a{i}_due"), template, revises));
        }
        var basedOn = inputs.Number("basedOn") is { } b and > 0 ? b : (int?)null;
        return new EditorDraft(rows, inputs.Text("completion"), basedOn);
    }

    /// <summary>One more blank row after the last (up to <see cref="MaxRows"/>), due a month after the latest date.</summary>
    public static EditorDraft WithRow(EditorDraft draft, PartnershipContext partnership, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(partnership);
        if (draft.Rows.Count >= MaxRows) return draft;
        var latest = draft.Rows.Select(r => Parse(r.Due)).OfType<DateOnly>().DefaultIfEmpty(today).Max();
        var owner = partnership.Partnership.LearningCityIds.First();
        return draft with { Rows = [.. draft.Rows, new EditorRow(draft.Rows.Count + 1, true, null, null, Id(owner), Day(latest.AddMonths(1)), null, null)] };
    }

    /// <summary>
    /// The included rows as the domain's draft, or what keeps a row from being one (no due date, no owner). Activity
    /// numbers of the domain count included rows only: <see cref="EditorParse.RowOf"/> maps them back to the editor's rows.
    /// </summary>
    public EditorParse Parse(EditorDraft draft, string language)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var kept = draft.Rows.Where(r => r.Keep).ToList();
        var problems = new Dictionary<int, string>();
        var activities = new List<ActivityDraft>();
        foreach (var row in kept)
        {
            var due = Parse(row.Due);
            var owner = int.TryParse(row.Owner, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1;
            if (due is null) problems[row.Number] = text.Get(language, "ActionList.Error.DueDate");
            activities.Add(new ActivityDraft(row.Title ?? "", row.Description, owner, due ?? DateOnly.MinValue, row.TemplateActivityId, row.Revises));
        }
        string? general = Parse(draft.Completion) is null ? text.Get(language, "ActionList.Error.Completion") : null;
        return new EditorParse(
            problems.Count == 0 && general is null ? new ActionListDraft(activities, Parse(draft.Completion)!.Value, draft.BasedOn) : null,
            problems, general, n => n >= 1 && n <= kept.Count ? kept[n - 1].Number : n);
    }

    public JsonElement Render(PartnershipContext partnership, EditorDraft draft, Recipient reader, string error = "", IReadOnlyDictionary<int, string>? rowErrors = null)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var p = partnership.Partnership;
        var data = new EditorCardData
        {
            Title = draft.BasedOn is { } basedOn
                ? text.Format(language, "ActionList.Editor.ChangeTitle", basedOn, partnership.Id)
                : text.Format(language, "ActionList.Editor.Title", partnership.Id),
            Intro = text.Format(language, "ActionList.Editor.Intro", partnership.Pair, ActionListRules.MinActivities, ActionListRules.MaxActivities),
            Error = error,
            Rows = [.. draft.Rows.Select(r => new EditorRowData
            {
                Heading = text.Format(language, "ActionList.Editor.Row", r.Number),
                Origin = r.Revises is { } n ? text.Format(language, "ActionList.Editor.Revises", n)
                    : r.TemplateActivityId is not null ? text.Get(language, "ActionList.Editor.FromTemplate") : "",
                KeepId = $"a{r.Number}_keep",
                Keep = r.Keep ? "true" : "false",
                TitleId = $"a{r.Number}_title",
                Title = r.Title,
                DescriptionId = $"a{r.Number}_desc",
                Description = r.Description,
                OwnerId = $"a{r.Number}_owner",
                Owner = r.Owner,
                DueId = $"a{r.Number}_due",
                Due = r.Due,
                Error = rowErrors?.GetValueOrDefault(r.Number) ?? "",
            })],
            Owners = [.. partnership.OrderedCities.Select(c => new CardOption(
                text.Format(language, "ActionList.Editor.Owner", c.Name, text.Role(p.Cities.Single(pc => pc.CityId == c.Id).Role, language)), Id(c.Id)))],
            KeepLabel = text.Get(language, "ActionList.Editor.Keep"),
            TitleLabel = text.Get(language, "ActionList.Editor.ActivityTitle"),
            DescriptionLabel = text.Get(language, "ActionList.Editor.Description"),
            OwnerLabel = text.Get(language, "ActionList.Editor.OwnerCity"),
            DueLabel = text.Get(language, "ActionList.Editor.Due"),
            CompletionLabel = text.Get(language, "ActionList.Editor.Completion"),
            Completion = draft.Completion,
            AddLabel = text.Get(language, "ActionList.Editor.Add"),
            CanAdd = draft.Rows.Count < MaxRows,
            ProposeLabel = text.Get(language, "ActionList.Editor.Propose"),
            Partnership = partnership.Id,
            BasedOn = draft.BasedOn ?? 0,
            Origins = [.. draft.Rows.Select(r => FormattableString.Invariant($"{r.TemplateActivityId ?? 0}:{r.Revises ?? 0}"))],
        };
        return cards.Bind(Template, data, ActionListCardsJsonContext.Default.EditorCardData, reader.UniversalActions);
    }

    private static (int? Template, int? Revises) Origin(string origin)
    {
        var parts = origin.Split(':');
        static int? Positive(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        return parts.Length == 2 ? (Positive(parts[0]), Positive(parts[1])) : (null, null);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string? date) =>
        date is not null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>The editor's rows (1..n as shown) and completion date, as entered; <see cref="BasedOn"/> is the agreed version it changes.</summary>
public sealed record EditorDraft(IReadOnlyList<EditorRow> Rows, string? Completion, int? BasedOn);

/// <summary>One row: whether it is included, what was entered, and where it came from.</summary>
public sealed record EditorRow(int Number, bool Keep, string? Title, string? Description, string? Owner, string? Due, int? TemplateActivityId, int? Revises);

/// <summary>The draft for the domain (null when a row or the completion date cannot be read), per-row problems, and the row of each proposed activity.</summary>
public sealed record EditorParse(ActionListDraft? Draft, IReadOnlyDictionary<int, string> RowProblems, string? Problem, Func<int, int> RowOf);
