# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every public method the addons add is an RPC endpoint: try them all.

A method without a leading underscore can be called by any logged-in user
through ``/web/dataset/call_kw`` (portal included). This test finds every such
method the addons add to a model (not the ones they override from Odoo, whose
access model is Odoo's) and calls it the way the RPC dispatcher does
(``odoo.api.call_kw``) on another member's record:

- as a portal user, each call must be refused (AccessError, or MissingError
  for a record the user cannot see);
- as an internal user without any of the addons' groups, each call must end
  in a clear Odoo error or return plain values — never a recordset (XML-RPC
  cannot send one back after the call committed) and never a crash that the
  server would answer with a 500 (TypeError, KeyError, a database error...).

A new public method that forgets its access check fails here.

Run by pytest-odoo on the database where all the addons were installed.
"""

import inspect
from typing import ClassVar

from odoo import api, models
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tests import TransactionCase, new_test_user

OURS = "odoo.addons.coop_"
PLAIN = (bool, int, float, str, dict, list, tuple, type(None))

# Arguments given to the methods' parameters without default, by name.
SAMPLE_ARGS = {
    "month": "2026-03",
    "amount": 10.0,
    "quantity": 1,
    "content": "",
    "filename": "x.csv",
    "reason": "test",
}


def added_public_methods(registry):
    """``{model: [name, ...]}``: public methods the addons add to a model."""
    found = {}
    for model_name in registry:
        cls = registry[model_name]
        ours, theirs = set(), set()
        for klass in cls.__mro__:
            names = {
                name
                for name, attr in vars(klass).items()
                if not name.startswith("_") and inspect.isfunction(attr)
            }
            (ours if klass.__module__.startswith(OURS) else theirs).update(names)
        added = sorted(ours - theirs)
        if added:
            found[model_name] = added
    return found


class TestRpcSurface(TransactionCase):
    test_tags: ClassVar[set[str]] = {"standard", "coop_suite"}
    test_module = "coop_suite"
    test_class = "TestRpcSurface"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="rpc_surface_portal", groups="base.group_portal"
        )
        cls.employee = new_test_user(
            cls.env, login="rpc_surface_employee", groups="base.group_user"
        )
        cls.victim = cls.env["res.partner"].create(
            {"name": "Another member", "email": "another.member@example.com"}
        )
        cls.methods = added_public_methods(cls.env.registry)

    def _target(self, model_name):
        """Another member's record of the model (the victim for res.partner);
        a wizard is opened by the administrator, so it is not the caller's."""
        if model_name == "res.partner":
            return self.victim
        model = self.env[model_name].sudo().with_context(active_test=False)
        if model._transient:
            try:
                with self.env.cr.savepoint():
                    return model.create({})
            except Exception:  # noqa: BLE001 - a wizard that needs values
                return model.browse()
        return model.search([], limit=1, order="id desc")

    def _args(self, function):
        values = []
        for param in list(inspect.signature(function).parameters.values())[1:]:
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            if param.default is not param.empty:
                continue
            if param.name.endswith("_ids"):
                values.append([self.victim.id])
            elif param.name.endswith("_id") or param.name == "partner":
                values.append(self.victim.id)
            else:
                values.append(SAMPLE_ARGS.get(param.name, "x"))
        return values

    def _call(self, user, model_name, name):
        """Call as the RPC dispatcher would; return the outcome."""
        model = self.env[model_name].with_user(user)
        function = getattr(type(model), name)
        args = self._args(function)
        if getattr(function, "_api", None) != "model":
            target = self._target(model_name)
            if not target:
                return "not exercised", None
            args = [target.ids, *args]
        try:
            with self.env.cr.savepoint():
                result = api.call_kw(model, name, args, {})
        except (AccessError, MissingError) as exc:
            return "refused", exc
        except UserError as exc:
            return "error", exc
        except Exception as exc:  # noqa: BLE001 - what the server would answer 500
            return "crash", exc
        if isinstance(result, models.BaseModel) or not isinstance(result, PLAIN):
            return "recordset", result
        return "ok", result

    def _outcomes(self, user):
        outcomes = {}
        for model_name, names in self.methods.items():
            if self.env[model_name]._abstract:
                continue  # mixins hold no records: their models are tried
            for name in names:
                outcomes[f"{model_name}.{name}"] = self._call(user, model_name, name)
        exercised = [k for k, v in outcomes.items() if v[0] != "not exercised"]
        self.assertGreater(len(exercised), 30, "too few methods could be tried")
        return outcomes

    def test_the_addons_add_public_methods(self):
        # the discovery itself: our RPC endpoints are found, core's are not
        self.assertIn("coop_wallet_get_balance", self.methods.get("res.partner", []))
        self.assertNotIn("write", self.methods.get("res.partner", []))
        self.assertGreater(sum(map(len, self.methods.values())), 30)

    def test_portal_user_is_refused_every_added_method(self):
        outcomes = self._outcomes(self.portal)
        allowed = {
            key: outcome
            for key, outcome in outcomes.items()
            if outcome[0] not in ("refused", "not exercised")
        }
        self.assertFalse(
            allowed,
            "a portal user could call these on another member's record:\n"
            + "\n".join(f"{k}: {v[0]} {v[1]!r}"[:300] for k, v in allowed.items()),
        )

    def test_internal_user_gets_clear_errors_or_plain_values(self):
        outcomes = self._outcomes(self.employee)
        bad = {
            key: outcome
            for key, outcome in outcomes.items()
            if outcome[0] in ("crash", "recordset")
        }
        self.assertFalse(
            bad,
            "these would answer an RPC client with a server error or a recordset:\n"
            + "\n".join(f"{k}: {v[0]} {v[1]!r}"[:300] for k, v in bad.items()),
        )


class TestIndexedTextIsBounded(TransactionCase):
    """An indexed or unique text column without a length limit lets one request
    store a value PostgreSQL cannot index (over ~2,700 bytes the insert fails
    with a database error: a 500, and for the mail gateway a lost email)."""

    test_tags: ClassVar[set[str]] = {"standard", "coop_suite"}
    test_module = "coop_suite"
    test_class = "TestIndexedTextIsBounded"
    test_sequence = 0

    def test_every_indexed_or_unique_char_of_ours_has_a_size(self):
        unbounded = []
        for model_name in self.env.registry:
            model = self.env[model_name]
            unique = " ".join(
                definition.lower()
                for _name, definition, _msg in model._sql_constraints
                if "unique" in definition.lower()
            )
            for name, field in model._fields.items():
                if field.type != "char" or not (field._module or "").startswith(
                    "coop_"
                ):
                    continue
                indexed = field.index or name in unique
                if indexed and field.store and not field.size:
                    unbounded.append(f"{model_name}.{name}")
        self.assertFalse(unbounded, f"indexed text without a size: {unbounded}")
