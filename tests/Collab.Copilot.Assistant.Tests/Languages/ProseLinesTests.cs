using Collab.Copilot.Assistant.Languages;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>Requests written as bullet lists are prose; YAML list items are pasted artefacts.</summary>
public sealed class ProseLinesTests
{
    [Theory]
    [InlineData("- replicas to 3, please")]
    [InlineData("- memoria a 8Gi")]
    [InlineData("* Speicher auf 4Gi setzen")]
    public void A_bullet_item_in_words_is_prose(string line) => Assert.Equal(line, ProseLines.Extract(line));

    [Theory]
    [InlineData("- name: web")]
    [InlineData("- containerPort: 8080")]
    [InlineData("- nginx")]
    [InlineData("  - the same words, indented as in a paste")]
    public void A_yaml_item_is_not_prose(string line) => Assert.Equal("", ProseLines.Extract(line));

    [Theory]
    [InlineData("- repliche a 3, per favore\n- memoria a 8Gi", AnswerLanguage.Italian)]
    [InlineData("- rèpliques a 3, si us plau\n- memòria 4Gi", AnswerLanguage.Catalan)]
    [InlineData("- containers:\n  - name: web\n    image: nginx:1.27", AnswerLanguage.English)]
    [InlineData("izmjene:\n- slika postgres:16.4\n- env PGDATA=/data/pg\napiVersion: apps/v1\nkind: StatefulSet", AnswerLanguage.Croatian)]
    public void A_request_written_as_a_list_is_answered_in_its_language(string text, AnswerLanguage expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));
}
