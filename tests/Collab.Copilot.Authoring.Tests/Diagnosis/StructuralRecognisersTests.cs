using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>
/// Recognisers that read what kind of line or paste an error is rather than a phrase of it: the context a
/// signature requires (a push, not a pull), kubectl's API refusals for any object kind, dmesg Xid records
/// with their PCI address.
/// </summary>
public sealed class StructuralRecognisersTests
{
    [Fact]
    public void A_registry_refusal_is_a_push_problem_only_when_the_paste_shows_a_push()
    {
        const string Denied = "denied: requested access to the resource is denied";
        var push = ErrorDiagnoser.Diagnose($"The push refers to repository [registry.lab/ml/api]\na1b2c3: Preparing\n{Denied}");
        var pull = ErrorDiagnoser.Diagnose($"  Warning  Failed  5s  kubelet  Failed to pull image \"registry.lab/ml/api:1\": {Denied}");

        Assert.Equal("registry-push-denied", push.Primary?.Id);
        Assert.Equal("image-pull-unauthorized", pull.Primary?.Id);
        Assert.DoesNotContain(pull.Matches, m => m.Id == "registry-push-denied");
    }

    [Theory]
    [InlineData("Error from server (NotFound): error when creating \"job.yaml\": persistentvolumeclaims \"datasets\" not found", "api-object-not-found", "persistentvolumeclaims", "datasets")]
    [InlineData("Error from server (NotFound): priorityclasses.scheduling.k8s.io \"urgent\" not found", "api-object-not-found", "priorityclasses.scheduling.k8s.io", "urgent")]
    [InlineData("Error from server (AlreadyExists): error when creating \"svc.yaml\": services \"api\" already exists", "api-object-already-exists", "services", "api")]
    public void Api_refusals_name_the_object_kind_and_name_from_the_paste(string line, string id, string resource, string name)
    {
        var primary = ErrorDiagnoser.Diagnose(line).Primary;

        Assert.Equal(id, primary?.Id);
        Assert.Equal(resource, primary!.Facts["resource"]);
        Assert.Equal(name, primary.Facts["object_name"]);
        Assert.Contains(name, primary.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_object_names_the_field_the_api_server_rejected()
    {
        var primary = ErrorDiagnoser.Diagnose("The Job \"train\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"").Primary;

        Assert.Equal("api-object-invalid", primary?.Id);
        Assert.Equal("spec.template.spec.restartPolicy", primary!.Facts["field"]);
    }

    [Theory]
    [InlineData("Error from server (NotFound): error when creating \"a.yaml\": namespaces \"team-x\" not found", "namespace-not-found")]
    [InlineData("The Deployment \"api\" is invalid: spec.selector: Invalid value: v1.LabelSelector{}: field is immutable", "field-immutable")]
    [InlineData("Error from server (NotFound): error when creating \"p.yaml\": secrets \"db\" not found", "missing-secret-or-configmap")]
    public void A_specific_signature_for_the_same_refusal_outranks_the_generic_one(string line, string id)
    {
        var result = ErrorDiagnoser.Diagnose(line);

        Assert.Equal(id, result.Primary?.Id);
    }

    [Theory]
    [InlineData("[Tue Nov  4 03:17:52 2025] NVRM: Xid (PCI:0000:c1:00): 79, pid=4821, name=python, GPU has fallen off the bus.", "gpu-fallen-off-bus")]
    [InlineData("[Tue Nov  4 03:17:52 2025] NVRM: Xid (PCI:0000:3b:00): 48, pid=4821, name=python, An uncorrectable double bit error (DBE) has been detected on GPU", "gpu-ecc-error")]
    [InlineData("NVRM: Xid (PCI:0000:3b:00): 94, pid=1200, Contained ECC error.", "gpu-ecc-error")]
    public void Dmesg_xid_records_are_read_with_their_pci_address(string line, string id)
    {
        Assert.Equal(id, ErrorDiagnoser.Diagnose(line).Primary?.Id);
    }

    [Theory]
    [InlineData("ValueError: column \"price\" not found in DataFrame")]
    [InlineData("psycopg2.errors.DuplicateTable: relation \"runs\" already exists")]
    [InlineData("jsonschema.exceptions.ValidationError: the value \"abc\" is invalid: expected integer")]
    public void Quoted_names_outside_kubectl_refusals_are_no_kubernetes_objects(string line)
    {
        Assert.DoesNotContain(ErrorDiagnoser.Diagnose(line).Matches, m => m.Id.StartsWith("api-object-", StringComparison.Ordinal));
    }
}
