namespace Alg.Policy.Model;

public enum AclAction
{
    Permit,
    Deny,
}
