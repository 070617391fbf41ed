/*
 * The syntax of aio's Python subset, after the Python 3 reference grammar. Operator precedence
 * is encoded by the rule nesting, loosest first: lambda, conditional, or, and, not, comparisons,
 * |, ^, &, shifts, + -, * / // % @, unary, **, await, primaries.
 */
parser grammar AioParser;

options { tokenVocab = AioLexer; superClass = AioParserBase; }

file_input
    : ( NEWLINE | stmt )* EOF
    ;

/* One expression alone, for the replacement fields of f-strings. */
fstring_expr
    : ( yield_expr | star_expressions ) ASSIGN? EOF
    ;

stmt
    : simple_stmts
    | compound_stmt
    ;

simple_stmts
    : simple_stmt ( SEMI_COLON simple_stmt )* SEMI_COLON? NEWLINE
    ;

simple_stmt
    : expr_stmt
    | del_stmt
    | PASS
    | BREAK
    | CONTINUE
    | return_stmt
    | raise_stmt
    | import_name
    | import_from
    | global_stmt
    | nonlocal_stmt
    | assert_stmt
    ;

expr_stmt
    : star_expressions annassign                                     # annotatedAssign
    | star_expressions augassign ( yield_expr | star_expressions )   # augmentedAssign
    | star_expressions ( ASSIGN ( yield_expr | star_expressions ) )* # assignOrExpr
    | yield_expr                                                     # yieldStmt
    ;

annassign
    : COLON test ( ASSIGN ( yield_expr | star_expressions ) )?
    ;

augassign
    : ADD_ASSIGN | SUB_ASSIGN | MULT_ASSIGN | AT_ASSIGN | DIV_ASSIGN | MOD_ASSIGN | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN
    | LEFT_SHIFT_ASSIGN | RIGHT_SHIFT_ASSIGN | POWER_ASSIGN | IDIV_ASSIGN
    ;

del_stmt       : DEL exprlist;
return_stmt    : RETURN star_expressions?;
raise_stmt     : RAISE ( test ( FROM test )? )?;
global_stmt    : GLOBAL NAME ( COMMA NAME )*;
nonlocal_stmt  : NONLOCAL NAME ( COMMA NAME )*;
assert_stmt    : ASSERT test ( COMMA test )?;

import_name
    : IMPORT dotted_as_name ( COMMA dotted_as_name )*
    ;

import_from
    : FROM ( dots* dotted_name | dots+ ) IMPORT ( STAR | OPEN_PAREN import_as_names COMMA? CLOSE_PAREN | import_as_names )
    ;

dots            : DOT | ELLIPSIS;
import_as_name  : NAME ( AS NAME )?;
dotted_as_name  : dotted_name ( AS NAME )?;
import_as_names : import_as_name ( COMMA import_as_name )*;
dotted_name     : NAME ( DOT NAME )*;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | async_stmt
    | match_stmt
    ;

/*
 * The match statement (PEP 634). 'match' and 'case' are soft keywords: NAME tokens, keywords only
 * where this rule's predicates see them, so that they stay usable as names everywhere else.
 */
match_stmt
    : {isSoftKeyword("match")}? NAME match_subject COLON NEWLINE INDENT case_block+ DEDENT
    ;

match_subject
    : ( namedexpr_test | star_expr ) ( COMMA ( namedexpr_test | star_expr ) )* COMMA?
    ;

case_block
    : {isSoftKeyword("case")}? NAME patterns ( IF namedexpr_test )? COLON block
    ;

/* Several patterns separated by commas make a sequence pattern; the builder checks the rest. */
patterns
    : star_or_pattern ( COMMA star_or_pattern )* COMMA?
    ;

star_or_pattern
    : STAR NAME
    | pattern
    ;

pattern
    : closed_pattern ( OR_OP closed_pattern )* ( AS NAME )?
    ;

closed_pattern
    : number_pattern                                            # numberPattern
    | STRING+                                                   # stringPattern
    | NONE                                                      # nonePattern
    | TRUE                                                      # truePattern
    | FALSE                                                     # falsePattern
    | dotted_name                                               # namePattern
    | dotted_name OPEN_PAREN pattern_arguments? CLOSE_PAREN     # classPattern
    | OPEN_PAREN patterns? CLOSE_PAREN                          # groupPattern
    | OPEN_BRACK patterns? CLOSE_BRACK                          # listPattern
    | OPEN_BRACE mapping_items? CLOSE_BRACE                     # mappingPattern
    ;

/* A literal number, possibly negative, or a complex literal such as -1+2j. */
number_pattern
    : MINUS? NUMBER ( ( ADD | MINUS ) NUMBER )?
    ;

pattern_arguments
    : pattern_argument ( COMMA pattern_argument )* COMMA?
    ;

pattern_argument
    : NAME ASSIGN pattern
    | pattern
    ;

mapping_items
    : mapping_item ( COMMA mapping_item )* COMMA?
    ;

mapping_item
    : POWER NAME
    | closed_pattern COLON pattern
    ;

async_stmt
    : ASYNC ( funcdef | with_stmt | for_stmt )
    ;

if_stmt
    : IF namedexpr_test COLON block elif_clause* else_clause?
    ;

elif_clause : ELIF namedexpr_test COLON block;
else_clause : ELSE COLON block;

while_stmt
    : WHILE namedexpr_test COLON block else_clause?
    ;

for_stmt
    : FOR exprlist IN star_expressions COLON block else_clause?
    ;

try_stmt
    : TRY COLON block ( except_clause+ else_clause? finally_clause? | finally_clause )
    ;

except_clause
    : EXCEPT STAR? ( test ( AS NAME )? )? COLON block
    ;

finally_clause : FINALLY COLON block;

with_stmt
    : WITH ( OPEN_PAREN with_item ( COMMA with_item )* COMMA? CLOSE_PAREN | with_item ( COMMA with_item )* ) COLON block
    ;

with_item
    : test ( AS expr )?
    ;

block
    : simple_stmts
    | NEWLINE INDENT stmt+ DEDENT
    ;

decorated
    : decorator+ ( classdef | funcdef | async_funcdef )
    ;

decorator
    : AT namedexpr_test NEWLINE
    ;

async_funcdef : ASYNC funcdef;

funcdef
    : DEF NAME OPEN_PAREN parameters? CLOSE_PAREN ( ARROW test )? COLON block
    ;

classdef
    : CLASS NAME ( OPEN_PAREN arglist? CLOSE_PAREN )? COLON block
    ;

/* def parameters: annotations and defaults allowed; '/' and bare '*' mark positional-only and keyword-only. */
parameters
    : param_item ( COMMA param_item )* COMMA?
    ;

param_item
    : tfpdef ( ASSIGN test )?   # paramPlain
    | STAR tfpdef?              # paramStar
    | POWER tfpdef              # paramDoubleStar
    | DIV                       # paramSlash
    ;

tfpdef : NAME ( COLON test )?;

/* lambda parameters: like def parameters without annotations. */
lambda_parameters
    : lambda_param ( COMMA lambda_param )* COMMA?
    ;

lambda_param
    : NAME ( ASSIGN test )?     # lambdaPlain
    | STAR NAME?                # lambdaStar
    | POWER NAME                # lambdaDoubleStar
    | DIV                       # lambdaSlash
    ;

// ----- expressions ---------------------------------------------------------------------------------

star_expressions
    : ( test | star_expr ) ( COMMA ( test | star_expr ) )* COMMA?
    ;

star_expr : STAR expr;

namedexpr_test
    : test ( WALRUS test )?
    ;

test
    : or_test ( IF or_test ELSE test )?
    | lambdef
    ;

test_nocond
    : or_test
    | lambdef_nocond
    ;

lambdef        : LAMBDA lambda_parameters? COLON test;
lambdef_nocond : LAMBDA lambda_parameters? COLON test_nocond;

or_test  : and_test ( OR and_test )*;
and_test : not_test ( AND not_test )*;

not_test
    : NOT not_test
    | comparison
    ;

comparison
    : expr ( comp_op expr )*
    ;

comp_op
    : LESS_THAN | GREATER_THAN | EQUALS | GT_EQ | LT_EQ | NOT_EQ_2 | IN | NOT IN | IS | IS NOT
    ;

expr       : xor_expr ( OR_OP xor_expr )*;
xor_expr   : and_expr ( XOR and_expr )*;
and_expr   : shift_expr ( AND_OP shift_expr )*;
shift_expr : arith_expr ( ( LEFT_SHIFT | RIGHT_SHIFT ) arith_expr )*;
arith_expr : term ( ( ADD | MINUS ) term )*;
term       : factor ( ( STAR | AT | DIV | MOD | IDIV ) factor )*;

factor
    : ( ADD | MINUS | NOT_OP ) factor
    | power
    ;

power
    : await_primary ( POWER factor )?
    ;

await_primary
    : AWAIT primary
    | primary
    ;

primary
    : atom trailer*
    ;

atom
    : OPEN_PAREN ( yield_expr | testlist_comp )? CLOSE_PAREN   # parenAtom
    | OPEN_BRACK testlist_comp? CLOSE_BRACK                    # listAtom
    | OPEN_BRACE dictorsetmaker? CLOSE_BRACE                   # dictOrSetAtom
    | NAME                                                     # nameAtom
    | NUMBER                                                   # numberAtom
    | STRING+                                                  # stringAtom
    | ELLIPSIS                                                 # ellipsisAtom
    | NONE                                                     # noneAtom
    | TRUE                                                     # trueAtom
    | FALSE                                                    # falseAtom
    ;

testlist_comp
    : ( namedexpr_test | star_expr ) ( comp_for | ( COMMA ( namedexpr_test | star_expr ) )* COMMA? )
    ;

trailer
    : OPEN_PAREN arglist? CLOSE_PAREN     # callTrailer
    | OPEN_BRACK subscriptlist CLOSE_BRACK # subscriptTrailer
    | DOT NAME                            # attributeTrailer
    ;

subscriptlist
    : subscript ( COMMA subscript )* COMMA?
    ;

subscript
    : test? COLON test? ( COLON test? )?   # sliceSubscript
    | namedexpr_test                       # indexSubscript
    | star_expr                            # starSubscript
    ;

exprlist
    : ( expr | star_expr ) ( COMMA ( expr | star_expr ) )* COMMA?
    ;

dictorsetmaker
    : dict_item ( comp_for | ( COMMA dict_item )* COMMA? )        # dictMaker
    | ( namedexpr_test | star_expr ) ( comp_for | ( COMMA ( namedexpr_test | star_expr ) )* COMMA? )  # setMaker
    ;

dict_item
    : test COLON test
    | POWER expr
    ;

arglist
    : argument ( COMMA argument )* COMMA?
    ;

argument
    : namedexpr_test comp_for?   # positionalArgument
    | NAME ASSIGN test           # keywordArgument
    | POWER test                 # doubleStarArgument
    | STAR test                  # starArgument
    ;

comp_for
    : ASYNC? FOR exprlist IN or_test comp_iter?
    ;

comp_iter
    : comp_for
    | comp_if
    ;

comp_if
    : IF test_nocond comp_iter?
    ;

yield_expr
    : YIELD ( FROM test | star_expressions )?
    ;
