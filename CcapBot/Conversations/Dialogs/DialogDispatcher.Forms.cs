using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations.Forms;

namespace CcapBot.Conversations.Dialogs;

/// <summary>The form flow: start, one question at a time, the card form, the summary, edit, confirm.</summary>
public sealed partial class DialogDispatcher
{
    private async Task StartFormAsync(DialogTurn d, string formId)
    {
        var form = Resolve(formId);
        if (await form.RefuseStartAsync(d.Turn, d.CancellationToken) is { } refusal)
        {
            d.Turn.SendText(refusal);
            return;
        }
        await form.PrepareAsync(d.Turn, d.CancellationToken);
        d.Form = form;
        var prefill = await d.Form.PrefillAsync(d.Turn, d.CancellationToken);
        d.State.Run = new FormRun
        {
            FormId = formId,
            InstanceId = Guid.NewGuid().ToString("N")[..12],
            StartedAt = d.Turn.Now,
            UpdatedAt = d.Turn.Now,
            Answers = prefill.Where(p => d.Definition.Fields.Any(f => f.Id == p.Key)).ToDictionary(p => p.Key, p => p.Value.Clone()),
        };
        LogStarted(log, formId);
        PruneHidden(d);
        // What is stored already is shown as a summary to edit; otherwise the questions start.
        if (MissingRequired(d) is null && d.State.Run.Answers.Count > 0)
        {
            d.Turn.SendText(Text.Format(d.Language, "Dialog.FormReview", formText.Title(d.Definition, d.Language)));
            ShowSummary(d, replace: false);
            return;
        }
        d.Turn.SendText(Text.Format(d.Language, "Dialog.FormIntro", formText.Title(d.Definition, d.Language), d.Definition.VisibleFields(d.Answers).Count()));
        d.State.Run.Field = d.Definition.VisibleFields(d.Answers).First().Id;
        Ask(d, replace: false);
    }

    private async Task RestartAsync(DialogTurn d)
    {
        var run = d.State.Run!;
        var prefill = await d.Form!.PrefillAsync(d.Turn, d.CancellationToken);
        run.Answers = prefill.Where(p => d.Definition.Fields.Any(f => f.Id == p.Key)).ToDictionary(p => p.Key, p => p.Value.Clone());
        run.Stage = RunStage.Asking;
        run.ReturnToSummary = false;
        run.Attempts = 0;
        run.Field = d.Definition.VisibleFields(d.Answers).First().Id;
        Touch(d);
        Ask(d, replace: false);
    }

    /// <summary>An answer to the current question, typed or from a prompt card button.</summary>
    private Task AnswerAsync(DialogTurn d, string text, bool skip, bool fromCard)
    {
        var run = d.State.Run!;
        var field = d.CurrentField!;
        var parsed = skip ? FieldParse.Nothing : parser.Parse(d.FieldContext, field, text);
        if (parsed.Error is null && parsed.IsEmpty && field.Required)
            parsed = FieldParse.Invalid(Text.Get(d.Language, "Field.Error.Required"));
        if (parsed.Error is { } error)
        {
            run.Attempts++;
            Touch(d);
            var help = run.Attempts >= options.Value.AttemptsBeforeHelp ? FieldHelp(d, field) + "\n\n" + Text.Get(d.Language, "Dialog.StillStuck") : "";
            Ask(d, replace: fromCard, error: error, help: help);
            return Task.CompletedTask;
        }

        if (parsed.Value is { } value) run.Answers[field.Id] = value.Clone();
        else run.Answers.Remove(field.Id);
        run.Attempts = 0;
        Touch(d);
        PruneHidden(d);
        // The prompt card now shows the answer, without buttons.
        if (fromCard) Replace(d, PromptCard(d, field, answered: parser.Display(d.FieldContext, field, parsed.Value)));
        Advance(d, field);
        return Task.CompletedTask;
    }

    private void Advance(DialogTurn d, FieldDefinition answered)
    {
        var run = d.State.Run!;
        var visible = d.Definition.VisibleFields(d.Answers).ToList();
        FieldDefinition? next;
        if (run.ReturnToSummary)
        {
            next = MissingRequired(d);
        }
        else
        {
            var index = d.Definition.Fields.ToList().IndexOf(answered);
            next = visible.FirstOrDefault(f => d.Definition.Fields.ToList().IndexOf(f) > index);
        }
        if (next is null)
        {
            ShowSummary(d, replace: false);
            return;
        }
        run.Field = next.Id;
        Ask(d, replace: false);
    }

    private void GoBack(DialogTurn d)
    {
        var run = d.State.Run!;
        if (run.Stage == RunStage.Card)
        {
            d.Turn.SendText(Text.Get(d.Language, "Dialog.UseTheCard"));
            return;
        }
        var visible = d.Definition.VisibleFields(d.Answers).ToList();
        var index = run.Stage == RunStage.Summary ? visible.Count : visible.FindIndex(f => f.Id == run.Field);
        if (index <= 0)
        {
            d.Turn.SendText(Text.Get(d.Language, "Dialog.NoBack"));
            Ask(d, replace: false);
            return;
        }
        run.Stage = RunStage.Asking;
        run.ReturnToSummary = false;
        run.Field = visible[index - 1].Id;
        run.Attempts = 0;
        Touch(d);
        Ask(d, replace: false);
    }

    private Task EditAsync(DialogTurn d, string field)
    {
        var run = d.State.Run!;
        Replace(d, SummaryCard(d, status: Text.Format(d.Language, "Dialog.Editing", formText.Label(d.Definition, d.Definition.Field(field), d.Language)), open: false));
        run.Stage = RunStage.Asking;
        run.Field = field;
        run.ReturnToSummary = true;
        run.Attempts = 0;
        Touch(d);
        Ask(d, replace: false);
        return Task.CompletedTask;
    }

    private Task SwitchModeAsync(DialogTurn d, RunStage stage, bool fromCard)
    {
        var run = d.State.Run!;
        if (stage == RunStage.Card)
        {
            run.Stage = RunStage.Card;
            Touch(d);
            Present(d, FormCard(d, errors: null, raw: null), fromCard);
            return Task.CompletedTask;
        }
        var visible = d.Definition.VisibleFields(d.Answers).ToList();
        run.Stage = RunStage.Asking;
        run.ReturnToSummary = false;
        run.Field = (visible.FirstOrDefault(f => !d.Answers.Has(f.Id)) ?? visible[0]).Id;
        Touch(d);
        Present(d, PromptCard(d, d.CurrentField!), fromCard);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The card form submitted: every visible field parsed and validated as in chat. Errors → the same card with
    /// each field's message and what was typed; valid answers are kept in the draft. All valid → the summary.
    /// </summary>
    private Task SubmitCardAsync(DialogTurn d, JsonElement data)
    {
        var run = d.State.Run!;
        var answers = new Dictionary<string, JsonElement>(run.Answers);
        var errors = new Dictionary<string, string>();
        var raw = new Dictionary<string, string?>();
        foreach (var field in d.Definition.Fields)
        {
            var context = d.Context(new FormAnswers(answers));
            if (!d.Definition.IsVisible(field, context.Answers))
            {
                answers.Remove(field.Id);
                continue;
            }
            var input = CardInput(data, InputId(field));
            var other = field is { Type: FieldType.MultiChoice, AllowOther: true } ? CardInput(data, InputId(field) + "_other") : null;
            raw[field.Id] = input;
            raw[field.Id + "_other"] = other;
            var text = field.Type is FieldType.MultiChoice && other is { Length: > 0 } ? $"{input}, other: {other}" : input;
            var parsed = parser.Parse(context, field, text);
            if (parsed.Error is { } error) errors[field.Id] = error;
            else if (parsed.Value is { } value) answers[field.Id] = value.Clone();
            else if (field.Required) errors[field.Id] = Text.Get(d.Language, "Field.Error.Required");
            else answers.Remove(field.Id);
        }
        foreach (var rule in d.Definition.Rules)
        {
            if (!errors.ContainsKey(rule.Field) && !rule.IsValid(new FormAnswers(answers))) errors[rule.Field] = Text.Get(d.Language, rule.ErrorKey);
        }
        run.Answers = answers.Where(a => !errors.ContainsKey(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        Touch(d);
        if (errors.Count > 0)
        {
            LogRejected(log, run.FormId, errors.Count);
            run.Stage = RunStage.Card;
            Replace(d, FormCard(d, errors, raw));
            return Task.CompletedTask;
        }
        ShowSummary(d, replace: true);
        return Task.CompletedTask;
    }

    private void ShowSummary(DialogTurn d, bool replace)
    {
        var run = d.State.Run!;
        if (MissingRequired(d) is { } missing)
        {
            run.Stage = RunStage.Asking;
            run.Field = missing.Id;
            run.ReturnToSummary = true;
            Ask(d, replace, error: Text.Get(d.Language, "Field.Error.Required"));
            return;
        }
        // Checks across fields send the user back to the field they name (botframework-sdk #5976).
        if (d.Definition.Rules.FirstOrDefault(r => !r.IsValid(d.Answers)) is { } failed)
        {
            run.Stage = RunStage.Asking;
            run.Field = failed.Field;
            run.ReturnToSummary = true;
            Ask(d, replace, error: Text.Get(d.Language, failed.ErrorKey));
            return;
        }
        run.Stage = RunStage.Summary;
        run.Field = null;
        run.ReturnToSummary = false;
        Present(d, SummaryCard(d, status: "", open: true), replace);
    }

    private async Task ConfirmAsync(DialogTurn d, bool fromCard)
    {
        var run = d.State.Run!;
        // Validated again on the server: the summary may be old, or the definition stricter since.
        foreach (var field in d.Definition.VisibleFields(d.Answers))
        {
            if (run.Answers.TryGetValue(field.Id, out var value) && parser.Check(d.FieldContext, field, value) is { } error)
            {
                run.Stage = RunStage.Asking;
                run.Field = field.Id;
                run.ReturnToSummary = true;
                Touch(d);
                Ask(d, replace: fromCard, error: error);
                return;
            }
        }
        if (MissingRequired(d) is not null || d.Definition.Rules.Any(r => !r.IsValid(d.Answers)))
        {
            Touch(d);
            ShowSummary(d, fromCard);
            return;
        }
        var visible = d.Definition.VisibleFields(d.Answers).Select(f => f.Id).ToHashSet();
        var answers = new FormAnswers(run.Answers.Where(a => visible.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value));
        var confirmation = await d.Form!.CompleteAsync(d.Turn, answers, d.CancellationToken);
        var closedCard = SummaryCard(d, status: "✔ " + Text.Get(d.Language, "Dialog.Saved"), open: false);
        Close(d, completed: true);
        if (fromCard) Replace(d, closedCard);
        d.Turn.SendText(confirmation);
    }

    /// <summary>Answers of fields hidden by their condition are dropped, so results never carry them.</summary>
    private static void PruneHidden(DialogTurn d)
    {
        foreach (var field in d.Definition.Fields.Where(f => !d.Definition.IsVisible(f, d.Answers)).ToList()) d.State.Run!.Answers.Remove(field.Id);
    }

    private static FieldDefinition? MissingRequired(DialogTurn d) =>
        d.Definition.VisibleFields(d.Answers).FirstOrDefault(f => f.Required && !d.Answers.Has(f.Id));

    private static string InputId(FieldDefinition field) => "f_" + field.Id;

    /// <summary>An input's value as submitted: Adaptive Card inputs send strings; Input.Number may send a number.</summary>
    private static string? CardInput(JsonElement data, string id) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(id, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    /// <summary>A value in the form the card input expects (date "yyyy-MM-dd", multi choice "a,b", …).</summary>
    private static string? CardValue(FieldDefinition field, JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } list => string.Join(",", list.EnumerateArray().Select(e => e.GetString()).Where(v => field.Type != FieldType.MultiChoice || field.Choices.Contains(v!))),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        _ => null,
    };

}
