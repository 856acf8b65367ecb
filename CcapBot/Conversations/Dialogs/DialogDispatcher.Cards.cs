using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations.Forms;
using CcapBot.Protocol.Schema;

namespace CcapBot.Conversations.Dialogs;

/// <summary>The engine's cards, and where they go: a new message, or in place of the card whose button was pressed.</summary>
public sealed partial class DialogDispatcher
{
    private const int ChoiceButtonsMax = 12;

    private static void Send(DialogTurn d, JsonElement card) => d.Turn.SendCard(card);

    /// <summary>
    /// Replaces the card whose button started this turn: in Teams (Action.Execute) the invoke response carries
    /// the new card; a web chat submit names its card in replyToId, which is updated in place. A typed turn
    /// has no card to replace, so the card is sent.
    /// </summary>
    private static void Replace(DialogTurn d, JsonElement card)
    {
        var turn = d.Turn;
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Card(card);
        else if (turn.Verb is not null && turn.Activity.ReplyToId is { Length: > 0 } cardId) turn.Update(cardId, new Activity { Attachments = [Attachment.AdaptiveCard(card)] });
        else turn.SendCard(card);
    }

    private static void Present(DialogTurn d, JsonElement card, bool replace)
    {
        if (replace) Replace(d, card);
        else Send(d, card);
    }

    private static void Present(DialogTurn d, JsonElement card) => Present(d, card, d.Turn.Verb is not null);

    /// <summary>Shows where the run stands (after a language switch, "no" to a question, "continue").</summary>
    private void ShowCurrent(DialogTurn d, bool replace)
    {
        var run = d.State.Run!;
        if (run.Pending is not null) Present(d, QuestionCard(d), replace);
        else if (run.Stage == RunStage.Card) Present(d, FormCard(d, errors: null, raw: null), replace);
        else if (run.Stage == RunStage.Summary) Present(d, SummaryCard(d, status: "", open: true), replace);
        else Ask(d, replace);
    }

    private void Ask(DialogTurn d, bool replace, string error = "", string help = "") =>
        Present(d, PromptCard(d, d.CurrentField!, error: error, help: help), replace);

    private void ShowHelp(DialogTurn d)
    {
        var run = d.State.Run;
        if (run is { Pending: null, Stage: RunStage.Asking } && d.CurrentField is { } field)
        {
            Ask(d, replace: false, help: FieldHelp(d, field) + "\n\n" + Text.Get(d.Language, "Dialog.YouCanSay"));
            return;
        }
        if (run is not null)
        {
            d.Turn.SendText(Text.Get(d.Language, run.Stage == RunStage.Card ? "Dialog.CardHelp" : "Dialog.SummaryHelp"));
            ShowCurrent(d, replace: false);
            return;
        }
        var language = d.Language;
        HelpCommand Describe(string id) => new(
            Text.Get(language, $"Command.{id}.Title"),
            Text.Get(language, $"Command.{id}.Description"),
            Text.Get(language, $"Command.{id}.Phrases").Split('|')[0]);
        var data = new HelpCardData
        {
            Title = Text.Get(language, "Help.Title"),
            Intro = Text.Get(language, "Help.Intro"),
            Commands = [.. registry.Commands.Select(c => Describe(c.Definition.Id)),
                .. new[] { BuiltInCommands.Help, BuiltInCommands.Cancel, BuiltInCommands.Back, BuiltInCommands.Skip, BuiltInCommands.StartOver, BuiltInCommands.Language }.Select(Describe)],
            Tips = Text.Get(language, "Help.Tips"),
            Buttons = [.. registry.Commands.Select(c => new HelpButton(Text.Get(language, $"Command.{c.Definition.Id}.Title"), c.Definition.Id))],
        };
        Send(d, cards.Bind("help", data, DialogCardsJsonContext.Default.HelpCardData, d.Turn.SupportsUniversalActions));
    }

    /// <summary>What the field wants, its limits, and its options: shown on "help" and after repeated failures.</summary>
    private string FieldHelp(DialogTurn d, FieldDefinition field)
    {
        var language = d.Language;
        var parts = new List<string> { formText.Help(d.Definition, field, language) };
        parts.Add(Text.Format(language, $"Field.Guide.{field.Type}", field.MaxLength, field.Min, field.Max));
        if (field.Type is FieldType.SingleChoice or FieldType.MultiChoice or FieldType.Languages)
            parts.Add(string.Join("\n", formText.Options(d.FieldContext, field).Select((o, i) => $"{i + 1}. {o.Title}")));
        if (!field.Required) parts.Add(Text.Get(language, "Dialog.CanSkip"));
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    private JsonElement PromptCard(DialogTurn d, FieldDefinition field, string answered = "", string error = "", string help = "")
    {
        var run = d.State.Run!;
        var language = d.Language;
        var context = d.FieldContext;
        var visible = d.Definition.VisibleFields(d.Answers).ToList();
        var index = Math.Max(0, visible.FindIndex(f => f.Id == field.Id));
        var current = run.Answers.TryGetValue(field.Id, out var value) ? value : (JsonElement?)null;
        var offered = current ?? Offered(d, field);
        var options = formText.Options(context, field);
        var multi = field.Type is FieldType.MultiChoice or FieldType.Languages;

        List<CardChoice> buttons;
        if (field.Type is FieldType.SingleChoice or FieldType.YesNo && options.Count <= ChoiceButtonsMax)
            buttons = [.. options.Select(o => new CardChoice(o.Title, o.Value))];
        else if (!multi && offered is { } keep)
            buttons = [new CardChoice(Text.Format(language, current is null ? "Dialog.UseSuggested" : "Dialog.Keep", parser.Display(context, field, keep)), CardValue(field, keep) ?? "")];
        else
            buttons = [];

        var currentText = current is { } c ? Text.Format(language, "Dialog.CurrentAnswer", parser.Display(context, field, c))
            : offered is { } o ? Text.Format(language, "Dialog.Suggested", parser.Display(context, field, o))
            : "";
        var data = new PromptCardData
        {
            Title = Text.Format(language, "Dialog.Progress", formText.Title(d.Definition, language), index + 1, visible.Count),
            Question = formText.Prompt(d.Definition, field, language),
            Current = answered.Length > 0 ? "" : currentText,
            Error = error,
            Help = help,
            Answered = answered,
            Multi = multi,
            Choices = multi ? [.. options.Select(o => new CardChoice(o.Title, o.Value))] : [],
            Selected = multi ? CardValue(field, current) : null,
            AllowOther = field.AllowOther,
            OtherLabel = Text.Get(language, "Field.OtherLabel"),
            OtherValue = current is { } cv && field.Type == FieldType.MultiChoice ? new FormAnswers(run.Answers).MultiChoice(field).Other : null,
            DoneLabel = Text.Get(language, "Dialog.Done"),
            Options = buttons,
            CanSkip = !field.Required,
            SkipLabel = Text.Get(language, "Dialog.Skip"),
            CanGoBack = index > 0,
            BackLabel = Text.Get(language, "Dialog.Back"),
            FormLabel = Text.Get(language, "Dialog.ShowForm"),
            CancelLabel = Text.Get(language, "Dialog.Cancel"),
            Instance = run.InstanceId,
            Step = run.Step,
            Field = field.Id,
        };
        return cards.Bind("form-prompt", data, DialogCardsJsonContext.Default.PromptCardData, d.Turn.SupportsUniversalActions);
    }

    /// <summary>A value to offer when nothing is answered: the field's default, or the Teams client's time zone.</summary>
    private static JsonElement? Offered(DialogTurn d, FieldDefinition field)
    {
        if (field.Default is { } fallback) return JsonSerializer.SerializeToElement(fallback, FormsJsonContext.Default.String);
        if (field.Type == FieldType.TimeZone && d.FieldContext.SuggestedTimeZone is { } zone) return JsonSerializer.SerializeToElement(zone, FormsJsonContext.Default.String);
        return null;
    }

    private JsonElement FormCard(DialogTurn d, Dictionary<string, string>? errors, Dictionary<string, string?>? raw)
    {
        var run = d.State.Run!;
        var language = d.Language;
        var context = d.FieldContext;
        var fields = new List<FormFieldData>();
        foreach (var field in d.Definition.VisibleFields(d.Answers).Concat(d.Definition.Fields.Where(f => errors?.ContainsKey(f.Id) == true)).Distinct())
        {
            var answer = run.Answers.TryGetValue(field.Id, out var a) ? a : Offered(d, field);
            var failed = errors?.ContainsKey(field.Id) == true;
            var value = failed && raw is not null ? raw.GetValueOrDefault(field.Id) : CardValue(field, answer);
            var options = formText.Options(context, field).Select(o => new CardChoice(o.Title, o.Value)).ToList();
            if (field.Type == FieldType.Country) options.Sort((x, y) => context.Culture.CompareInfo.Compare(x.Title, y.Title, CompareOptions.IgnoreCase));
            if (field.Type == FieldType.TimeZone && value is { Length: > 0 } zone && options.All(o => o.Value != zone) && TimeZones.Canonical(zone) is { } known)
                options.Insert(0, new CardChoice(TimeZones.Display(known, context.Now), known));
            var label = formText.Label(d.Definition, field, language);
            var kind = field.Type switch
            {
                FieldType.ShortText or FieldType.LongText or FieldType.Email or FieldType.Phone => "text",
                FieldType.WholeNumber => "number",
                FieldType.Date => "date",
                FieldType.Time => "time",
                _ => "choice",
            };
            fields.Add(new FormFieldData
            {
                Id = InputId(field),
                Kind = kind,
                Label = label,
                IsRequired = field.Required,
                ErrorMessage = field.Type switch
                {
                    FieldType.Email => Text.Get(language, "Field.Error.Email"),
                    FieldType.Phone => Text.Get(language, "Field.Error.Phone"),
                    FieldType.WholeNumber => Text.Format(language, "Field.Error.Range", field.Min, field.Max),
                    _ when field.Pattern is not null => formText.Help(d.Definition, field, language),
                    _ => Text.Format(language, "Field.Error.RequiredNamed", label),
                },
                Placeholder = kind == "choice" && !(field.Type is FieldType.MultiChoice or FieldType.Languages) ? Text.Get(language, "Dialog.ChoosePlaceholder") : null,
                Value = kind == "number" ? null : value,
                Number = kind == "number" && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
                MaxLength = kind == "text" ? field.MaxLength : null,
                Multiline = field.Type == FieldType.LongText,
                Style = field.Type switch
                {
                    FieldType.Email => "Email",
                    FieldType.Phone => "Tel",
                    FieldType.ShortText or FieldType.LongText => "Text",
                    FieldType.YesNo => "expanded",
                    _ when kind == "choice" && options.Count <= 5 => "expanded",
                    _ when kind == "choice" => "compact",
                    _ => null,
                },
                Regex = field.Type switch
                {
                    FieldType.Email => @"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$",
                    FieldType.Phone => @"^\+?[\d\s().\-]{7,}$",
                    _ => field.Pattern,
                },
                Min = field.Min,
                Max = field.Max,
                MultiSelect = field.Type is FieldType.MultiChoice or FieldType.Languages,
                Choices = kind == "choice" ? options : [],
                HasOther = field is { Type: FieldType.MultiChoice, AllowOther: true },
                OtherId = InputId(field) + "_other",
                OtherLabel = Text.Format(language, "Field.OtherFor", label),
                OtherValue = failed && raw is not null ? raw.GetValueOrDefault(field.Id + "_other")
                    : field.Type == FieldType.MultiChoice ? new FormAnswers(run.Answers).MultiChoice(field).Other : null,
                Error = errors?.GetValueOrDefault(field.Id) ?? "",
            });
        }
        var data = new FormCardData
        {
            Title = formText.Title(d.Definition, language),
            Intro = Text.Get(language, "Dialog.FormCardIntro"),
            Error = errors is { Count: > 0 } ? Text.Format(language, "Dialog.FixErrors", errors.Count) : "",
            Fields = fields,
            SubmitLabel = Text.Get(language, "Dialog.Submit"),
            ChatLabel = Text.Get(language, "Dialog.OneByOne"),
            CancelLabel = Text.Get(language, "Dialog.Cancel"),
            Instance = run.InstanceId,
            Step = run.Step,
        };
        return cards.Bind("form", data, DialogCardsJsonContext.Default.FormCardData, d.Turn.SupportsUniversalActions);
    }

    private JsonElement SummaryCard(DialogTurn d, string status, bool open)
    {
        var run = d.State.Run!;
        var language = d.Language;
        var context = d.FieldContext;
        var data = new SummaryCardData
        {
            Title = formText.Title(d.Definition, language),
            Intro = open ? Text.Get(language, "Dialog.SummaryIntro") : "",
            Rows = [.. d.Definition.VisibleFields(d.Answers).Select(f => new SummaryRow(
                formText.Label(d.Definition, f, language), parser.Display(context, f, run.Answers.TryGetValue(f.Id, out var v) ? v : null), f.Id))],
            Status = status,
            StatusColor = status.StartsWith('✔') ? "Good" : "Default",
            Open = open,
            ConfirmLabel = Text.Get(language, "Dialog.Confirm"),
            CancelLabel = Text.Get(language, "Dialog.Cancel"),
            EditLabel = Text.Get(language, "Dialog.Edit"),
            Instance = run.InstanceId,
            Step = run.Step,
        };
        return cards.Bind("form-summary", data, DialogCardsJsonContext.Default.SummaryCardData, d.Turn.SupportsUniversalActions);
    }

    private JsonElement QuestionCard(DialogTurn d, PendingQuestion? pending = null, string answered = "")
    {
        var run = d.State.Run;
        pending ??= run!.Pending!;
        var language = d.Language;
        var formTitle = d.Form is not null ? formText.Title(d.Definition, language) : "";
        var commandTitle = pending.Command is { } id ? Text.Get(language, $"Command.{id}.Title") : "";
        var (question, detail) = pending.Kind switch
        {
            PendingKind.Cancel => (Text.Format(language, "Dialog.CancelQuestion", formTitle), Text.Get(language, "Dialog.CancelDetail")),
            PendingKind.StartOver => (Text.Format(language, "Dialog.StartOverQuestion", formTitle), Text.Get(language, "Dialog.CancelDetail")),
            PendingKind.Switch => (Text.Format(language, "Dialog.SwitchQuestion", formTitle, commandTitle), Text.Get(language, "Dialog.CancelDetail")),
            PendingKind.Resume => (Text.Format(language, "Dialog.ResumeQuestion", formTitle), run is null ? "" : Text.Format(language, "Dialog.ResumeDetail",
                run.Answers.Count, d.Definition.VisibleFields(d.Answers).Count(), LocalTime(d, run.StartedAt))),
            _ => (Text.Format(language, "Dialog.AmbiguousQuestion", pending.Text, commandTitle), ""),
        };
        var data = new QuestionCardData
        {
            Question = question,
            Detail = detail,
            Answered = answered,
            Options = QuestionOptions(d, pending),
            Instance = run?.InstanceId ?? "",
            Step = run?.Step ?? 0,
        };
        return cards.Bind("dialog-question", data, DialogCardsJsonContext.Default.QuestionCardData, d.Turn.SupportsUniversalActions);
    }

    private List<QuestionOption> QuestionOptions(DialogTurn d, PendingQuestion pending)
    {
        var language = d.Language;
        var commandTitle = pending.Command is { } id ? Text.Get(language, $"Command.{id}.Title") : "";
        return pending.Kind switch
        {
            PendingKind.Cancel => [new(Text.Get(language, "Dialog.CancelYes"), "yes"), new(Text.Get(language, "Dialog.KeepGoing"), "no")],
            PendingKind.StartOver => [new(Text.Get(language, "Dialog.StartOverYes"), "yes"), new(Text.Get(language, "Dialog.KeepGoing"), "no")],
            PendingKind.Switch => [new(Text.Format(language, "Dialog.SwitchYes", commandTitle), "yes"), new(Text.Get(language, "Dialog.KeepGoing"), "no")],
            PendingKind.Resume => [new(Text.Get(language, "Dialog.Continue"), "continue"), new(Text.Get(language, "Dialog.StartOverYes"), "restart")],
            _ => [new(Text.Format(language, "Dialog.AmbiguousCommand", commandTitle), "command"), new(Text.Format(language, "Dialog.AmbiguousAnswer", pending.Text), "answer")],
        };
    }

    /// <summary>An instant in the user's time zone and language, e.g. "3/3/2026 9:05 AM" / "03/03/2026 09:05".</summary>
    private static string LocalTime(DialogTurn d, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, d.Turn.TimeZone).ToString("g", d.FieldContext.Culture);
}
